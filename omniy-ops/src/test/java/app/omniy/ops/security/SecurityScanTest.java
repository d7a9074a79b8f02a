package app.omniy.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import app.omniy.testkit.SettableClock;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 05:00 security scan (MNT-1): TLS expiry and the login anomalies since the last scan. */
class SecurityScanTest {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final SettableClock clock = SettableClock.at(now);
  private final LoginMonitor logins =
      LoginMonitor.create(
          LoginAnomalySettings.builder().accountFailures(2).build(), new SimpleMeterRegistry());
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void the_report_lists_an_expiring_certificate_and_the_login_anomalies_since_the_last_scan()
      throws Exception {
    TestCertificates certificates = new TestCertificates(now);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            certificates.server(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)))));
    server.start();
    String endpoint = "127.0.0.1:" + server.getAddress().getPort();
    SecurityScan scan =
        SecurityScan.builder(clock)
            .tls(
                TlsCertificateCheck.builder(clock)
                    .endpoint(endpoint)
                    .trustStore(certificates.trustStore())
                    .build())
            .logins(logins)
            .build();
    Instant attempt = now.minus(Duration.ofHours(3));
    logins.record(LoginEvent.failure("yuki", "203.0.113.7", null, null, attempt));
    logins.record(LoginEvent.failure("yuki", "203.0.113.7", null, null, attempt.plusSeconds(5)));

    SecurityScanReport first = scan.run();

    assertThat(first.clean()).isFalse();
    assertThat(first.findings())
        .containsExactly(
            "TLS "
                + endpoint
                + " EXPIRING: 10 days left (until "
                + now.plus(Duration.ofDays(10))
                + "), CN=localhost issued by CN=Omniy Test CA",
            "login account-failure-burst at "
                + attempt.plusSeconds(5)
                + ": 2 failed logins for account 'yuki' within PT15M");
    assertThat(first.text())
        .startsWith("Security scan at " + now + ": 2 finding(s)\n")
        .contains("login anomalies since " + now.minus(Duration.ofDays(1)) + ": 1\n");

    clock.advance(Duration.ofDays(1));
    SecurityScanReport next = scan.run();

    assertThat(next.since()).isEqualTo(now);
    assertThat(next.loginAnomalies()).isEmpty();
  }

  @Test
  void a_scan_needs_at_least_one_check() {
    assertThatThrownBy(() -> SecurityScan.builder(clock).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("checks"));
  }
}
