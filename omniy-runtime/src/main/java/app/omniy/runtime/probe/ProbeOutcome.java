package app.omniy.runtime.probe;

import app.omniy.core.Require;
import app.omniy.core.sla.ProbeResult;
import java.time.Duration;
import java.time.Instant;

/**
 * What one probe of one target found.
 *
 * @param target the target probed
 * @param interval the start of the interval the probe stands for: a failed probe is downtime from
 *     here to the next interval's start (SLA-5)
 * @param at when the probe started, to the second
 * @param up whether it answered the expected status within the timeout
 * @param status the HTTP status, or 0 when there was no answer
 * @param elapsed how long it took
 * @param detail what was seen, e.g. {@code HTTP 503, expected 200} or {@code no answer within 10 s}
 */
public record ProbeOutcome(
    ProbeTarget target,
    Instant interval,
    Instant at,
    boolean up,
    int status,
    Duration elapsed,
    String detail) {

  public ProbeOutcome {
    Require.nonNull(target, "target");
    Require.nonNull(interval, "interval");
    Require.nonNull(at, "at");
    Require.nonNull(elapsed, "elapsed");
    Require.nonNull(detail, "detail");
  }

  /** The core's record of it, for {@link app.omniy.core.sla.ProbeUptime#evaluate}. */
  public ProbeResult result() {
    return new ProbeResult(at, up);
  }
}
