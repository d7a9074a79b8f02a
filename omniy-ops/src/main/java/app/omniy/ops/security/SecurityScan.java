package app.omniy.ops.security;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.security.LoginAnomaly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The built-in checks of the daily 05:00 JST security scan (MNT-1): TLS certificate expiry of the
 * configured endpoints and the login anomalies detected since the previous scan (ALERT-I3). The
 * maintenance scheduler runs {@link #run()} as the {@code daily-security-scan} job; the report's
 * {@link SecurityScanReport#text()} is the job's output.
 *
 * <pre>{@code
 * SecurityScan scan = SecurityScan.builder(clock)
 *     .tls(TlsCertificateCheck.builder(clock).endpoint("omniy.app:443").build())
 *     .logins(loginMonitor)
 *     .build();
 * SecurityScanReport report = scan.run();
 * if (!report.clean()) {
 *   report.findings().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>The first run reports the login anomalies of the last 24 hours; later runs those since the
 * previous run started. Dependency-vulnerability scanning, the guide's third item, is the build's
 * job (a scanner in CI), not the library's.
 */
public final class SecurityScan {
  /** The period of login anomalies the first run reports: one day, the scan's cadence. */
  public static final Duration FIRST_PERIOD = Duration.ofDays(1);

  private final Clock clock;
  private final @Nullable TlsCertificateCheck tls;
  private final @Nullable LoginMonitor logins;
  private @Nullable Instant lastRun;

  private SecurityScan(Builder b) {
    this.clock = b.clock;
    this.tls = b.tls;
    this.logins = b.logins;
  }

  /**
   * A builder reading the time from {@code clock}.
   *
   * @throws InvalidValueException when {@code clock} is missing
   */
  public static Builder builder(Clock clock) {
    Require.nonNull(clock, "clock");
    return new Builder(clock);
  }

  /** Runs the checks now. Never throws for a failing endpoint: the report says what failed. */
  public synchronized SecurityScanReport run() {
    Instant now = clock.instant();
    Instant since = lastRun != null ? lastRun : now.minus(FIRST_PERIOD);
    List<CertificateCheck> certificates = tls == null ? List.of() : tls.run();
    List<LoginAnomaly> anomalies = List.of();
    if (logins != null) {
      anomalies = logins.findingsSince(since);
      logins.prune(now);
    }
    lastRun = now;
    return new SecurityScanReport(now, since, certificates, anomalies);
  }

  /** Builds a {@link SecurityScan}; configure at least one check. */
  public static final class Builder {
    private final Clock clock;
    private @Nullable TlsCertificateCheck tls;
    private @Nullable LoginMonitor logins;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /** The TLS endpoints to check. */
    public Builder tls(TlsCertificateCheck tls) {
      Require.nonNull(tls, "tls");
      this.tls = tls;
      return this;
    }

    /** The login monitor whose findings the scan reports. */
    public Builder logins(LoginMonitor logins) {
      Require.nonNull(logins, "logins");
      this.logins = logins;
      return this;
    }

    /**
     * @throws InvalidValueException when neither check is configured
     */
    public SecurityScan build() {
      if (tls == null && logins == null) {
        throw new InvalidValueException("checks", null, "configure tls(...), logins(...) or both");
      }
      return new SecurityScan(this);
    }
  }
}
