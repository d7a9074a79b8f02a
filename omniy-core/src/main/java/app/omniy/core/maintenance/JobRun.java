package app.omniy.core.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a maintenance job as the run history keeps it (MNT-3: start, end, outcome,
 * output). A {@link JobOutcome#MISSED} occurrence starts and ends when the miss was found.
 *
 * @param jobId the job
 * @param due when the occurrence was due
 * @param owner the runtime that ran it (or found it missed)
 * @param started when the run started
 * @param finished when it ended; {@code null} while {@link JobOutcome#RUNNING}
 * @param outcome how it went
 * @param output what the tasks reported, one line per task
 * @param error why it failed or was missed; {@code null} when it succeeded or is running
 */
public record JobRun(
    String jobId,
    Instant due,
    String owner,
    Instant started,
    @Nullable Instant finished,
    JobOutcome outcome,
    String output,
    @Nullable String error) {

  /**
   * @throws InvalidValueException naming the field that is missing, or a run that ended before it
   *     started, or an end that does not match the outcome
   */
  public JobRun {
    if (jobId == null || jobId.isBlank()) {
      throw new InvalidValueException("jobId", jobId, "must not be blank");
    }
    if (owner == null || owner.isBlank()) {
      throw new InvalidValueException("owner", owner, "must not be blank");
    }
    Require.nonNull(due, "due");
    Require.nonNull(started, "started");
    Require.nonNull(outcome, "outcome");
    Require.nonNull(output, "output");
    if ((finished == null) != (outcome == JobOutcome.RUNNING)) {
      throw new InvalidValueException(
          "finished", finished, "must be set exactly when the run is not RUNNING");
    }
    if (finished != null && finished.isBefore(started)) {
      throw new InvalidValueException("finished", finished, "must not be before " + started);
    }
  }

  /** A run that started at {@code started} and has not ended. */
  public static JobRun running(String jobId, Instant due, String owner, Instant started) {
    return new JobRun(jobId, due, owner, started, null, JobOutcome.RUNNING, "", null);
  }

  /** This run ended at {@code at} with {@code outcome}. */
  public JobRun finish(Instant at, JobOutcome outcome, String output, @Nullable String error) {
    return new JobRun(jobId, due, owner, started, at, outcome, output, error);
  }

  /** When it ended, if it has. */
  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finished);
  }

  /** Why it failed, if it did. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }

  /** Whether this outcome alerts (MNT-3): failed or missed. */
  public boolean alerts() {
    return outcome == JobOutcome.FAILED || outcome == JobOutcome.MISSED;
  }
}
