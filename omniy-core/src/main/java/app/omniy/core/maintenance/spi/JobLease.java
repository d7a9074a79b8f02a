package app.omniy.core.maintenance.spi;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a job, for which occurrence, until when, and whether that occurrence is done (MNT-3). A
 * store keeps one lease per job: the latest occurrence anyone claimed.
 *
 * @param jobId the job
 * @param due the occurrence claimed: when it was due
 * @param owner the runtime that claimed it
 * @param until when the claim lapses unless renewed, so another runtime can take over from one that
 *     died
 * @param done whether the occurrence finished (whatever its outcome): nobody claims it again
 */
public record JobLease(String jobId, Instant due, String owner, Instant until, boolean done) {
  /**
   * @throws InvalidValueException naming the field that is missing or blank
   */
  public JobLease {
    if (jobId == null || jobId.isBlank()) {
      throw new InvalidValueException("jobId", jobId, "must not be blank");
    }
    if (owner == null || owner.isBlank()) {
      throw new InvalidValueException("owner", owner, "must not be blank");
    }
    Require.nonNull(due, "due");
    Require.nonNull(until, "until");
  }

  /**
   * The rule every {@link JobLeaseStore} applies: whether the occurrence due at {@code due} may be
   * claimed at {@code now} while {@code held} is stored.
   *
   * <ul>
   *   <li>nothing held: yes;
   *   <li>a later occurrence held: no (time never runs backwards for a job);
   *   <li>an earlier occurrence held: yes once it is done or its lease lapsed — never two runs of
   *       one job at once;
   *   <li>the same occurrence: only when it is not done and its lease lapsed (a takeover from a
   *       runtime that died; a lease lapses at {@code until} exactly).
   * </ul>
   */
  public static boolean mayClaim(@Nullable JobLease held, Instant due, Instant now) {
    if (held == null) {
      return true;
    }
    boolean lapsed = !held.until().isAfter(now);
    int order = held.due().compareTo(due);
    if (order > 0) {
      return false;
    }
    if (order < 0) {
      return held.done() || lapsed;
    }
    return !held.done() && lapsed;
  }
}
