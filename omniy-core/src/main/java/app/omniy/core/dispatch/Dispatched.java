package app.omniy.core.dispatch;

import app.omniy.core.Require;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Dispatcher#process} did to a claimed post.
 *
 * @param record the post as last stored (its lease released unless the lease was lost)
 * @param outcome the publisher's last outcome, or {@code null} when the publisher was not called
 *     (deferred by quota, missed window, account needing re-authorisation, lease lost)
 * @param leaseLost whether another worker took the post meanwhile (POST-8): nothing was recorded
 * @param error what the attempt threw, if it ended on an unexpected ({@link Survivable}) throwable:
 *     the post went on the retry path with {@link app.omniy.core.post.Reasons#INTERNAL_ERROR} (or,
 *     if even that could not be written, is recovered through its lease); the caller logs it, with
 *     its stack trace, once
 */
public record Dispatched(
    PostRecord record,
    @Nullable OutcomeClass outcome,
    boolean leaseLost,
    @Nullable Throwable error) {
  /** Checks the record. */
  public Dispatched {
    Require.nonNull(record, "record");
  }

  /** An attempt that threw nothing unexpected. */
  public Dispatched(PostRecord record, @Nullable OutcomeClass outcome, boolean leaseLost) {
    this(record, outcome, leaseLost, null);
  }

  /** The publisher's last outcome, if it was called. */
  public Optional<OutcomeClass> lastOutcome() {
    return Optional.ofNullable(outcome);
  }

  /** What the attempt threw, if it ended on an unexpected throwable (see {@link #error}). */
  public Optional<Throwable> internalError() {
    return Optional.ofNullable(error);
  }

  /**
   * Whether the publisher showed congestion (a transient failure, no answer, an open circuit or a
   * rate limit): a runtime should claim less for a while.
   */
  public boolean congested() {
    return outcome == OutcomeClass.TRANSIENT || outcome == OutcomeClass.RATE_LIMITED;
  }
}
