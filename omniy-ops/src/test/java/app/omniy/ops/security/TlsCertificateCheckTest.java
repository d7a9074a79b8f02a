package app.omniy.ops.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.ops.security.CertificateCheck.Status;
import app.omniy.testkit.SettableClock;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MNT-1's TLS certificate expiry check against local HTTPS servers whose certificates the test
 * issues. The JDK judges validity by the real time, so the certificates are issued relative to the
 * real "now" and the check's clock is set to that same instant.
 */
class TlsCertificateCheckTest {
  private static final Duration DAY = Duration.ofDays(1);

  /** Whole seconds: certificate validity has no finer precision. */
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final SettableClock clock = SettableClock.at(now);
  private final TestCertificates certificates;
  private final List<HttpServer> servers = new ArrayList<>();

  TlsCertificateCheckTest() throws Exception {
    certificates = new TestCertificates(now);
  }

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(0));
  }

  private String https(Instant notBefore, Instant notAfter) throws Exception {
    SSLContext context = certificates.server(notBefore, notAfter);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext("/", exchange -> exchange.sendResponseHeaders(204, -1));
    server.start();
    servers.add(server);
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private CertificateCheck check(String endpoint) throws Exception {
    return TlsCertificateCheck.builder(clock)
        .endpoint(endpoint)
        .trustStore(certificates.trustStore())
        .timeout(Duration.ofSeconds(5))
        .build()
        .run()
        .get(0);
  }

  @Test
  void a_certificate_expiring_in_10_days_reports_10_days_left_and_is_a_finding() throws Exception {
    String endpoint = https(now.minus(DAY.multipliedBy(80)), now.plus(DAY.multipliedBy(10)));

    CertificateCheck result = check(endpoint);

    assertThat(result.status()).isEqualTo(Status.EXPIRING);
    assertThat(result.finding()).isTrue();
    assertThat(result.problem()).isNull();
    assertThat(result.certificate()).isNotNull();
    assertThat(result.certificate().daysLeft()).isEqualTo(10);
    assertThat(result.certificate().subject()).isEqualTo("CN=localhost");
    assertThat(result.certificate().issuer()).isEqualTo("CN=Omniy Test CA");
    assertThat(result.certificate().notAfter()).isEqualTo(now.plus(DAY.multipliedBy(10)));
    assertThat(result.describe())
        .isEqualTo(
            endpoint
                + " EXPIRING: 10 days left (until "
                + now.plus(DAY.multipliedBy(10))
                + "), CN=localhost issued by CN=Omniy Test CA");
  }

  @Test
  void an_expired_certificate_is_expired_with_the_days_since_and_says_why_it_is_not_trusted()
      throws Exception {
    String endpoint = https(now.minus(DAY.multipliedBy(90)), now.minus(DAY.multipliedBy(5)));

    CertificateCheck result = check(endpoint);

    assertThat(result.status()).isEqualTo(Status.EXPIRED);
    assertThat(result.finding()).isTrue();
    assertThat(result.certificate().daysLeft()).isEqualTo(-5);
    assertThat(result.problem()).startsWith("not trusted: ");
    assertThat(result.describe()).contains(" EXPIRED: expired 5 days ago (until ");
  }

  @Test
  void a_certificate_valid_for_a_year_is_valid_and_no_finding() throws Exception {
    String endpoint = https(now.minus(DAY), now.plus(DAY.multipliedBy(365)));

    CertificateCheck result = check(endpoint);

    assertThat(result.status()).isEqualTo(Status.VALID);
    assertThat(result.finding()).isFalse();
    assertThat(result.certificate().daysLeft()).isEqualTo(365);
    assertThat(result.problem()).isNull();
  }

  @Test
  void the_threshold_is_configurable_and_exactly_the_threshold_left_is_within_it()
      throws Exception {
    String endpoint = https(now.minus(DAY), now.plus(DAY.multipliedBy(10)));
    TlsCertificateCheck.Builder builder =
        TlsCertificateCheck.builder(clock).endpoint(endpoint).trustStore(certificates.trustStore());

    assertThat(builder.threshold(Duration.ofDays(9)).build().run().get(0).status())
        .isEqualTo(Status.VALID);
    assertThat(builder.threshold(Duration.ofDays(10)).build().run().get(0).status())
        .isEqualTo(Status.EXPIRING);
  }

  @Test
  void a_certificate_from_an_unknown_authority_is_untrusted_and_still_measured() throws Exception {
    String endpoint = https(now.minus(DAY), now.plus(DAY.multipliedBy(200)));

    // No trust store: the platform's roots, which do not include the test's CA.
    CertificateCheck result =
        TlsCertificateCheck.builder(clock)
            .endpoint(endpoint)
            .build()
            .check(TlsEndpoint.parse(endpoint));

    assertThat(result.status()).isEqualTo(Status.UNTRUSTED);
    assertThat(result.finding()).isTrue();
    assertThat(result.certificate().daysLeft()).isEqualTo(200);
    assertThat(result.problem()).startsWith("not trusted: ");
  }

  @Test
  void a_closed_port_is_unreachable_and_named_so() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CertificateCheck result = check("127.0.0.1:" + port);

    assertThat(result.status()).isEqualTo(Status.UNREACHABLE);
    assertThat(result.certificate()).isNull();
    assertThat(result.problem()).isEqualTo("unreachable: connection refused");
    assertThat(result.describe())
        .isEqualTo("127.0.0.1:" + port + " UNREACHABLE: unreachable: connection refused");
  }

  @Test
  void a_server_that_does_not_speak_tls_is_a_handshake_failure() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer =
          new Thread(
              () -> {
                try (Socket client = plain.accept()) {
                  client
                      .getOutputStream()
                      .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(UTF_8));
                } catch (IOException ignored) {
                  // the test's assertion says what happened
                }
              });
      answer.start();

      CertificateCheck result = check("127.0.0.1:" + plain.getLocalPort());

      answer.join();
      assertThat(result.status()).isEqualTo(Status.HANDSHAKE_FAILED);
      assertThat(result.certificate()).isNull();
      assertThat(result.problem()).startsWith("handshake failed: ");
    }
  }

  @Test
  void endpoints_are_parsed_as_host_and_port_with_443_by_default() {
    assertThat(TlsEndpoint.parse("omniy.app")).isEqualTo(new TlsEndpoint("omniy.app", 443));
    assertThat(TlsEndpoint.parse("api.omniy.app:8443"))
        .isEqualTo(new TlsEndpoint("api.omniy.app", 8443));
    assertThat(TlsEndpoint.parse("[2001:db8::1]:8443"))
        .isEqualTo(new TlsEndpoint("2001:db8::1", 8443))
        .hasToString("[2001:db8::1]:8443");
    assertThatThrownBy(() -> TlsEndpoint.parse("omniy.app:https"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
    assertThatThrownBy(() -> TlsEndpoint.parse("omniy.app:70000"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("port"));
    assertThatThrownBy(() -> TlsCertificateCheck.builder(clock).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("endpoints"));
  }
}
