package app.omniy.core.memory;

import app.omniy.core.Require;
import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Job leases in memory: enough for runtimes in one JVM (and for tests). Runtimes in separate
 * processes share a lease store on a database, such as {@code FirestoreJobLeaseStore}.
 */
public final class InMemoryJobLeaseStore implements JobLeaseStore {
  private final Map<String, JobLease> leases = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryJobLeaseStore() {}

  @Override
  public boolean claim(String jobId, Instant due, String owner, Instant now, Instant until) {
    JobLease wanted = new JobLease(jobId, due, owner, Require.nonNull(until, "until"), false);
    Require.nonNull(now, "now");
    boolean[] won = {false};
    // compute() runs atomically per key: the check and the write cannot interleave with another
    // runtime's claim.
    leases.compute(
        jobId,
        (id, held) -> {
          won[0] = JobLease.mayClaim(held, due, now);
          return won[0] ? wanted : held;
        });
    return won[0];
  }

  @Override
  public boolean renew(String jobId, Instant due, String owner, Instant until) {
    Require.nonNull(until, "until");
    return update(jobId, due, owner, held -> new JobLease(jobId, due, owner, until, held.done()));
  }

  @Override
  public boolean complete(String jobId, Instant due, String owner) {
    return update(jobId, due, owner, held -> new JobLease(jobId, due, owner, held.until(), true));
  }

  @Override
  public Optional<JobLease> find(String jobId) {
    return Optional.ofNullable(leases.get(Require.nonNull(jobId, "jobId")));
  }

  private boolean update(String jobId, Instant due, String owner, UnaryOperator<JobLease> change) {
    Require.nonNull(jobId, "jobId");
    Require.nonNull(due, "due");
    Require.nonNull(owner, "owner");
    boolean[] changed = {false};
    leases.computeIfPresent(
        jobId,
        (id, held) -> {
          changed[0] = held.due().equals(due) && held.owner().equals(owner);
          return changed[0] ? change.apply(held) : held;
        });
    return changed[0];
  }
}
