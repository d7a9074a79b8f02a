package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One external uptime check (SLA-5), such as the guide's monitor every 5 minutes. Its time is kept
 * to the second, as downtime is measured.
 *
 * @param at when the probe ran
 * @param up whether it succeeded
 */
public record ProbeResult(Instant at, boolean up) {

  /**
   * @throws InvalidValueException if the time is missing
   */
  public ProbeResult {
    Require.nonNull(at, "at");
    at = at.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A successful probe at {@code at}. */
  public static ProbeResult up(Instant at) {
    return new ProbeResult(at, true);
  }

  /** A failed probe at {@code at}. */
  public static ProbeResult down(Instant at) {
    return new ProbeResult(at, false);
  }
}
