package app.omniy.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import app.omniy.ops.maintenance.SecurityScanTask;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 05:00 JST security scan as a maintenance job (MNT-1): a certificate expiring in 10 days fails
 * the run (MNT-3 alerts); login anomalies are reported without failing it (ALERT-I3 already fired).
 */
class SecurityScanTaskTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LoginMonitor logins =
      LoginMonitor.create(LoginAnomalySettings.builder().accountFailures(2).build(), registry);
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Today's 05:00 JST that is still ahead, as the certificates are issued around the real now. */
  private static Instant nextFiveJst() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.DAYS);
    return now.plusDays(1).withHour(5).toInstant();
  }

  private String serve(TestCertificates certificates, Instant notAfter) throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            certificates.server(Instant.now().minus(Duration.ofDays(1)), notAfter)));
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private MaintenanceScheduler scheduler(SettableClock clock, SecurityScan scan) {
    return MaintenanceScheduler.builder(clock)
        .task(new SecurityScanTask(scan))
        .leases(new InMemoryJobLeaseStore())
        .runs(new InMemoryJobRunStore())
        .registry(registry)
        .build();
  }

  private JobRun runAtFive(SettableClock clock, MaintenanceScheduler s, Instant five) {
    s.tick();
    clock.set(five);
    List<JobRun> ended = s.tick();
    assertThat(ended).hasSize(1);
    return ended.get(0);
  }

  @Test
  void a_certificate_expiring_in_ten_days_fails_the_scan_and_counts_for_mnt_3() throws Exception {
    Instant five = nextFiveJst();
    SettableClock clock = SettableClock.at(five.minusSeconds(60));
    TestCertificates certificates = new TestCertificates(five);
    String endpoint = serve(certificates, five.plus(Duration.ofDays(10)));
    SecurityScan scan =
        SecurityScan.builder(clock)
            .tls(
                TlsCertificateCheck.builder(clock)
                    .endpoint(endpoint)
                    .trustStore(certificates.trustStore())
                    .build())
            .build();

    JobRun run = runAtFive(clock, scheduler(clock, scan), five);

    assertThat(run.jobId()).isEqualTo(JobIds.DAILY_SECURITY_SCAN);
    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error())
        .startsWith("security-scan: TaskFailedException: 1 certificate finding(s): TLS " + endpoint)
        .contains("EXPIRING: 10 days left");
    assertThat(
            registry
                .counter(
                    MetricNames.MAINTENANCE_RUNS,
                    MetricNames.TAG_JOB,
                    JobIds.DAILY_SECURITY_SCAN,
                    MetricNames.TAG_OUTCOME,
                    MetricNames.OUTCOME_FAILURE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void login_anomalies_and_a_valid_certificate_are_reported_without_failing_the_scan()
      throws Exception {
    Instant five = nextFiveJst();
    SettableClock clock = SettableClock.at(five.minusSeconds(60));
    TestCertificates certificates = new TestCertificates(five);
    String endpoint = serve(certificates, five.plus(Duration.ofDays(200)));
    SecurityScan scan =
        SecurityScan.builder(clock)
            .tls(
                TlsCertificateCheck.builder(clock)
                    .endpoint(endpoint)
                    .trustStore(certificates.trustStore())
                    .build())
            .logins(logins)
            .build();
    Instant attempt = five.minus(Duration.ofHours(3));
    logins.record(LoginEvent.failure("yuki", "203.0.113.7", null, null, attempt));
    logins.record(LoginEvent.failure("yuki", "203.0.113.7", null, null, attempt.plusSeconds(5)));

    JobRun run = runAtFive(clock, scheduler(clock, scan), five);

    assertThat(run.outcome()).as("%s", run.error()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.output())
        .startsWith("security-scan: Security scan at " + five + ": 1 finding(s)")
        .contains("TLS " + endpoint + " VALID")
        .contains("account-failure-burst at " + attempt.plusSeconds(5));
    assertThat(
            registry.find(MetricNames.SECURITY_LOGIN_ANOMALIES).counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .as("ALERT-I3's counter, counted when the login was recorded")
        .isEqualTo(1);
  }
}
