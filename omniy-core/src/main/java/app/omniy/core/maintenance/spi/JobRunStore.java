package app.omniy.core.maintenance.spi;

import app.omniy.core.maintenance.JobRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run history of the maintenance jobs (MNT-3): one record per job and occurrence, written when
 * the run starts and again when it ends. Implementations are thread-safe.
 */
public interface JobRunStore {

  /** Stores {@code run}, replacing the record of the same job and occurrence. */
  void save(JobRun run);

  /** The record of {@code jobId}'s occurrence due at {@code due}, if any. */
  Optional<JobRun> find(String jobId, Instant due);

  /** The latest {@code limit} records of {@code jobId}, latest occurrence first. */
  List<JobRun> history(String jobId, int limit);

  /**
   * Deletes the records of {@code jobId}'s occurrences due before {@code dueBefore}: the daily
   * clean-up keeps the history from growing forever (MNT-1 04:00).
   *
   * @return how many records were deleted
   */
  int deleteBefore(String jobId, Instant dueBefore);
}
