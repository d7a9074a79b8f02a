package app.omniy.runtime.probe;

import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run per interval across every runtime sharing a {@link JobLeaseStore} (SLA-5, on the lease
 * rule of MNT-3): the intervals are aligned to the epoch ({@code 12:00, 12:05, …} for 5 minutes),
 * each is an occurrence of the job, and the runtime whose claim wins runs it and marks it done. A
 * runtime that dies while running lets its claim lapse after {@code hold}, and another one takes
 * the interval over. Not thread-safe: one ticking thread.
 */
final class SlotLease {
  private final JobLeaseStore leases;
  private final String jobId;
  private final String owner;
  private final long seconds;
  private final Duration hold;
  private @Nullable Instant settled;

  SlotLease(JobLeaseStore leases, String jobId, String owner, Duration interval, Duration hold) {
    this.leases = leases;
    this.jobId = jobId;
    this.owner = owner;
    this.seconds = interval.getSeconds();
    this.hold = hold;
  }

  /** The start of the interval holding {@code now}. */
  Instant slot(Instant now) {
    long s = now.getEpochSecond();
    return Instant.ofEpochSecond(s - Math.floorMod(s, seconds));
  }

  /**
   * The interval due at {@code now} if this runtime is to run it now, else {@code null}: it ran
   * already (here or elsewhere), or another runtime holds it.
   */
  @Nullable Instant claim(Instant now) {
    Instant due = slot(now);
    if (due.equals(settled)) {
      return null;
    }
    if (leases.claim(jobId, due, owner, now, now.plus(hold))) {
      return due;
    }
    Optional<JobLease> held = leases.find(jobId);
    if (held.isPresent() && held.get().done() && !held.get().due().isBefore(due)) {
      settled = due; // someone ran it: no need to ask the store again this interval
    }
    return null;
  }

  /** Marks {@code due} done: no runtime runs it again. */
  void done(Instant due) {
    settled = due;
    leases.complete(jobId, due, owner);
  }
}
