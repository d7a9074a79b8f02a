package app.omniy.core.maintenance.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Job leases shared by every runtime that runs the maintenance calendar, so that each occurrence of
 * a job runs once (MNT-3): the runtime whose {@link #claim} wins runs it, the others skip it.
 * Implementations apply {@link JobLease#mayClaim} atomically and are thread-safe.
 */
public interface JobLeaseStore {

  /**
   * Claims the occurrence of {@code jobId} due at {@code due} for {@code owner} until {@code
   * until}, if {@link JobLease#mayClaim} allows it at {@code now}.
   *
   * @return whether {@code owner} now holds it
   */
  boolean claim(String jobId, Instant due, String owner, Instant now, Instant until);

  /**
   * Moves the lease's end to {@code until}, while a long task runs.
   *
   * @return false if {@code owner} no longer holds that occurrence (another runtime took over)
   */
  boolean renew(String jobId, Instant due, String owner, Instant until);

  /**
   * Marks the occurrence done: it is never claimed again.
   *
   * @return false if {@code owner} no longer holds that occurrence
   */
  boolean complete(String jobId, Instant due, String owner);

  /** The job's lease: the latest occurrence claimed, if any ever was. */
  Optional<JobLease> find(String jobId);
}
