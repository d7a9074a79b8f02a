package app.omniy.ops.security;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.security.LoginAnomalyDetector;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host reports logins (ALERT-I3). Each event goes through the core's {@link
 * LoginAnomalyDetector}; each finding increments the counter {@code omniy.security.login.anomalies}
 * (tagged {@value #TAG_KIND}), which the default rule ALERT-I3 reads through the alert runtime's
 * registry bridge, is logged at WARN, and is kept for the next security scan's report.
 *
 * <pre>{@code
 * LoginMonitor logins = LoginMonitor.create(LoginAnomalySettings.DEFAULTS, meterRegistry);
 * // in the host's login handler:
 * logins.record(LoginEvent.failure(account, remoteAddress, country, device, clock.instant()));
 * }</pre>
 *
 * <p>Events carry no password or token, so neither a log line nor a report can leak one. At most
 * {@link #KEPT_FINDINGS} findings are kept for reports (the oldest dropped first). Thread-safe.
 */
public final class LoginMonitor {
  /** The tag on the anomaly counter naming the kind, e.g. {@code account-failure-burst}. */
  public static final String TAG_KIND = "kind";

  /** How many recent findings are kept for the scan report. */
  public static final int KEPT_FINDINGS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(LoginMonitor.class);

  private final LoginAnomalyDetector detector;
  private final Map<LoginAnomaly.Kind, Counter> counters = new EnumMap<>(LoginAnomaly.Kind.class);
  private final Deque<LoginAnomaly> recent = new ArrayDeque<>();

  private LoginMonitor(LoginAnomalyDetector detector, MeterRegistry registry) {
    this.detector = detector;
    // Registered up front so the alert runtime's bridge primes them at zero before any finding.
    for (LoginAnomaly.Kind kind : LoginAnomaly.Kind.values()) {
      counters.put(
          kind,
          Counter.builder(MetricNames.SECURITY_LOGIN_ANOMALIES)
              .description("anomalous logins detected, ALERT-I3")
              .tag(TAG_KIND, kind.tag())
              .register(registry));
    }
  }

  /**
   * A monitor detecting with {@code settings} and counting in {@code registry}.
   *
   * @throws InvalidValueException when an argument is missing
   */
  public static LoginMonitor create(LoginAnomalySettings settings, MeterRegistry registry) {
    Require.nonNull(registry, "registry");
    return new LoginMonitor(LoginAnomalyDetector.create(settings), registry);
  }

  /**
   * Takes one login event; returns its findings, already counted and logged.
   *
   * @throws InvalidValueException when {@code event} is missing
   */
  public List<LoginAnomaly> record(LoginEvent event) {
    List<LoginAnomaly> found = detector.accept(event);
    for (LoginAnomaly anomaly : found) {
      counters.get(anomaly.kind()).increment();
      LOG.warn("Login anomaly ({}): {}", anomaly.kind().tag(), anomaly.detail());
      synchronized (recent) {
        if (recent.size() == KEPT_FINDINGS) {
          recent.removeFirst();
        }
        recent.addLast(anomaly);
      }
    }
    return found;
  }

  /** The kept findings of logins at or after {@code from}, oldest first. */
  public List<LoginAnomaly> findingsSince(Instant from) {
    List<LoginAnomaly> since = new ArrayList<>();
    synchronized (recent) {
      for (LoginAnomaly anomaly : recent) {
        if (!anomaly.at().isBefore(from)) {
          since.add(anomaly);
        }
      }
    }
    return since;
  }

  /** Drops detector state that aged out by {@code now} (the security scan calls this). */
  public void prune(Instant now) {
    detector.prune(now);
  }

  /** The detector, for its settings and what it tracks. */
  public LoginAnomalyDetector detector() {
    return detector;
  }
}
