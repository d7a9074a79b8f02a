package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobRunStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The run history in memory: the embedded default. */
public final class InMemoryJobRunStore implements JobRunStore {
  private final Map<String, NavigableMap<Instant, JobRun>> runs = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryJobRunStore() {}

  @Override
  public void save(JobRun run) {
    Require.nonNull(run, "run");
    runs.computeIfAbsent(run.jobId(), id -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()))
        .put(run.due(), run);
  }

  @Override
  public Optional<JobRun> find(String jobId, Instant due) {
    Require.nonNull(due, "due");
    return Optional.ofNullable(of(jobId).get(due));
  }

  @Override
  public List<JobRun> history(String jobId, int limit) {
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be zero or positive");
    }
    return of(jobId).values().stream().limit(limit).toList();
  }

  @Override
  public int deleteBefore(String jobId, Instant dueBefore) {
    Require.nonNull(dueBefore, "dueBefore");
    // Latest first: the entries after dueBefore in this order are the older ones.
    NavigableMap<Instant, JobRun> older = of(jobId).tailMap(dueBefore, false);
    int deleted = 0;
    while (older.pollFirstEntry() != null) {
      deleted++;
    }
    return deleted;
  }

  private NavigableMap<Instant, JobRun> of(String jobId) {
    Require.nonNull(jobId, "jobId");
    return runs.getOrDefault(jobId, new ConcurrentSkipListMap<>());
  }
}
