package app.omniy.core.security;

import app.omniy.core.Require;
import app.omniy.core.security.internal.FailureBursts;
import app.omniy.core.security.internal.KnownLogins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Detects anomalous logins (ALERT-I3) in the login events the host feeds it: a burst of failed
 * logins for one account or from one source address within a sliding window, and a successful login
 * from a country or device new for the account. Each finding is a {@link LoginAnomaly} for the
 * alert engine; {@code app.omniy.ops.security.LoginMonitor} counts them in the meter ALERT-I3
 * reads.
 *
 * <pre>{@code
 * LoginAnomalyDetector detector = LoginAnomalyDetector.create(LoginAnomalySettings.DEFAULTS);
 * List<LoginAnomaly> found =
 *     detector.accept(LoginEvent.failure("yuki", "203.0.113.7", "JP", "ios-app", now));
 * }</pre>
 *
 * <p>Memory is bounded by the settings, never by the traffic: per account and per source only the
 * failures still inside the window (fewer than the threshold), per account at most {@link
 * LoginAnomalySettings#knownPerAccount()} countries and devices, and at most {@link
 * LoginAnomalySettings#maxTracked()} accounts and sources. {@link #prune(Instant)} drops what has
 * aged out; the host calls it now and then (the 05:00 scan does). It reads no clock: every event
 * carries its instant. Thread-safe.
 */
public final class LoginAnomalyDetector {
  private final LoginAnomalySettings settings;
  private final FailureBursts byAccount;
  private final FailureBursts bySource;
  private final KnownLogins known;

  private LoginAnomalyDetector(LoginAnomalySettings settings) {
    this.settings = settings;
    this.byAccount =
        new FailureBursts(settings.accountFailures(), settings.window(), settings.maxTracked());
    this.bySource =
        new FailureBursts(settings.sourceFailures(), settings.window(), settings.maxTracked());
    this.known =
        new KnownLogins(settings.knownPerAccount(), settings.remember(), settings.maxTracked());
  }

  /**
   * A detector with {@code settings}.
   *
   * @throws app.omniy.core.InvalidValueException when {@code settings} is missing
   */
  public static LoginAnomalyDetector create(LoginAnomalySettings settings) {
    return new LoginAnomalyDetector(Require.nonNull(settings, "settings"));
  }

  /** The settings in force. */
  public LoginAnomalySettings settings() {
    return settings;
  }

  /**
   * Takes one login event and returns what it completes: nothing for most events, at most two
   * findings (a failure can complete an account burst and a source burst at once; a success can be
   * from a new country and a new device).
   *
   * @throws app.omniy.core.InvalidValueException when {@code event} is missing
   */
  public synchronized List<LoginAnomaly> accept(LoginEvent event) {
    Require.nonNull(event, "event");
    List<LoginAnomaly> found = new ArrayList<>(2);
    if (event.success()) {
      KnownLogins.Novelty novelty =
          known.succeeded(
              event.account(),
              Objects.requireNonNullElse(event.country(), ""),
              Objects.requireNonNullElse(event.device(), ""),
              event.at());
      if (novelty.newCountry()) {
        found.add(
            finding(
                LoginAnomaly.Kind.NEW_COUNTRY,
                event,
                "successful login for account '"
                    + event.account()
                    + "' from a new country "
                    + event.country()));
      }
      if (novelty.newDevice()) {
        found.add(
            finding(
                LoginAnomaly.Kind.NEW_DEVICE,
                event,
                "successful login for account '"
                    + event.account()
                    + "' from a new device '"
                    + event.device()
                    + "'"));
      }
      return found;
    }
    if (byAccount.failed(event.account(), event.at())) {
      found.add(
          finding(
              LoginAnomaly.Kind.ACCOUNT_FAILURE_BURST,
              event,
              settings.accountFailures()
                  + " failed logins for account '"
                  + event.account()
                  + "' within "
                  + settings.window()));
    }
    if (bySource.failed(event.source(), event.at())) {
      found.add(
          finding(
              LoginAnomaly.Kind.SOURCE_FAILURE_BURST,
              event,
              settings.sourceFailures()
                  + " failed logins from "
                  + event.source()
                  + " within "
                  + settings.window()));
    }
    return found;
  }

  /** Forgets failures that left the window and countries and devices not seen for too long. */
  public synchronized void prune(Instant now) {
    Require.nonNull(now, "now");
    byAccount.prune(now);
    bySource.prune(now);
    known.prune(now);
  }

  /** How many accounts and sources the detector holds state for now (for bounded-memory checks). */
  public synchronized Tracked tracked() {
    return new Tracked(byAccount.size(), bySource.size(), known.size());
  }

  /**
   * What the detector holds now.
   *
   * @param failingAccounts accounts with failures in the window
   * @param failingSources sources with failures in the window
   * @param knownAccounts accounts with known countries or devices
   */
  public record Tracked(int failingAccounts, int failingSources, int knownAccounts) {}

  private static LoginAnomaly finding(LoginAnomaly.Kind kind, LoginEvent event, String detail) {
    return new LoginAnomaly(kind, event.account(), event.source(), event.at(), detail);
  }
}
