package app.omniy.runtime.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.MaintenanceCalendar;
import app.omniy.core.maintenance.MaintenanceJob;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.maintenance.spi.MaintenanceTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the maintenance calendar (MNT-1, MNT-2): at each job's due instant in the calendar's zone
 * (JST for the guide, whatever the host's zone), the tasks registered for it, once per occurrence
 * across every runtime sharing the {@link JobLeaseStore}; records each run (MNT-3) and counts
 * failed and missed ones under {@code omniy.maintenance.runs}, which the {@code MNT-3} rule of
 * {@code DefaultAlertRules} turns into an alert.
 *
 * <pre>{@code
 * MaintenanceScheduler maintenance = MaintenanceScheduler.builder(clock)
 *     .task(JobIds.DAILY_BACKUP, "firestore-export", backupTask)
 *     .task(JobIds.MONTHLY_AUDIT, "restore-test", restoreTestTask)   // BAK-3, the 15th
 *     .leases(new FirestoreJobLeaseStore(options))                   // shared by the runtimes
 *     .runs(new FirestoreJobRunStore(options))
 *     .registry(meterRegistry)                                       // what the alert runtime reads
 *     .build();
 * maintenance.start(scheduledExecutor);
 * }</pre>
 *
 * <p>Each {@link #tick} looks at every job that has tasks, at the clock's instant:
 *
 * <ul>
 *   <li>its latest occurrence still in its window (the calendar's grace, or a monthly job's days)
 *       and not yet run: the runtime that claims the lease runs it now — at the due instant when
 *       the runtime is up, later within the window when it was down (a catch-up);
 *   <li>the window passed and nobody ran it: one runtime records it {@link JobOutcome#MISSED};
 *   <li>earlier occurrences nobody ran, because every runtime was down across them: each is
 *       recorded {@link JobOutcome#MISSED} once, but not run; only the latest occurrence runs, when
 *       its window is still open (one catch-up run, not one per missed occurrence);
 *   <li>a run that stopped without finishing (its runtime died): taken over once its lease lapses
 *       while the window lasts, else recorded {@link JobOutcome#FAILED}.
 * </ul>
 *
 * <p>Occurrences due before a job was ever scheduled on the lease store are nobody's to run: the
 * first runtime adopts them silently, so installing Omniy at noon does not report the morning's
 * jobs missed. Jobs without tasks (the weekly reviews, unless the host registers something) are
 * neither run nor reported.
 *
 * <p>Tasks run one after another on the ticking thread; a long backup delays the next job's start
 * (it still counts as on time within its window). The lease lasts {@link
 * Builder#leaseDuration(Duration)} (2 h by default) and is renewed every {@link
 * Builder#renewEvery(Duration)} (a third of it by default) while the tasks run, so a task may run
 * longer than the lease; if the runtime dies, its lease lapses and another runtime takes over.
 */
public final class MaintenanceScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

  private final Clock clock;
  private final MaintenanceCalendar calendar;
  private final Map<String, List<NamedTask>> tasks;
  private final List<MaintenanceJob> jobs;
  private final JobLeaseStore leases;
  private final JobRunStore runs;
  private final String owner;
  private final Duration leaseDuration;
  private final Duration renewEvery;
  private final Duration pollEvery;
  private final RunMeters meters;
  private final Map<String, Instant> settled = new HashMap<>();
  private @Nullable ScheduledExecutorService executor;
  private @Nullable ScheduledFuture<?> next;
  private boolean closed;

  private MaintenanceScheduler(Builder b) {
    this.clock = b.clock;
    this.calendar = b.calendar;
    Map<String, List<NamedTask>> copy = new HashMap<>(); // the builder may be reused
    b.tasks.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    this.tasks = Map.copyOf(copy);
    this.jobs = calendar.jobs().stream().filter(job -> tasks.containsKey(job.id())).toList();
    this.leases = b.leases;
    this.runs = b.runs;
    this.owner = b.owner;
    this.leaseDuration = b.leaseDuration;
    this.renewEvery = b.renewEvery();
    this.pollEvery = b.pollEvery;
    this.meters = new RunMeters(Require.nonNull(b.registry, "registry"), jobs);
  }

  /** A builder; the clock is the only place time is read. */
  public static Builder builder(Clock clock) {
    Require.nonNull(clock, "clock");
    return new Builder(clock);
  }

  /**
   * Runs what is due at the clock's instant, records what was missed, and returns the runs this
   * call finished (run, failed or missed), in calendar order. Tests drive the scheduler through
   * this with a settable clock; {@link #start} calls it on an executor.
   */
  public synchronized List<JobRun> tick() {
    List<JobRun> finished = new ArrayList<>();
    for (MaintenanceJob job : jobs) {
      handle(job, finished);
    }
    return finished;
  }

  /**
   * The registered tasks that are also {@code type}, e.g. the {@code BackupTask} that tells the
   * runtime's health check of the last backup ({@code LastBackup}).
   */
  public <T> List<T> tasks(Class<T> type) {
    List<T> found = new ArrayList<>();
    tasks
        .values()
        .forEach(
            list ->
                list.forEach(
                    named -> {
                      if (type.isInstance(named.task())) {
                        found.add(type.cast(named.task()));
                      }
                    }));
    return found;
  }

  /** The next instant a job with tasks is due, strictly after {@code after}. */
  public Optional<Instant> nextDue(Instant after) {
    return jobs.stream().map(job -> calendar.nextRun(job, after)).min(Instant::compareTo);
  }

  /** The latest {@code limit} runs of {@code jobId}, latest first (MNT-3). */
  public List<JobRun> history(String jobId, int limit) {
    return runs.history(jobId, limit);
  }

  /** This runtime's name in leases and run records. */
  public String owner() {
    return owner;
  }

  /**
   * Ticks on {@code executor} (which the caller owns): at each job's due instant, and at least
   * every poll interval (1 minute by default) to notice lapsed leases and clock steps.
   *
   * @throws IllegalStateException if already started
   */
  public synchronized void start(ScheduledExecutorService executor) {
    Require.nonNull(executor, "executor");
    if (this.executor != null) {
      throw new IllegalStateException("already started");
    }
    this.executor = executor;
    next = executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
  }

  /** Stops ticking; a running task finishes. */
  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private void loop() {
    try {
      tick();
    } catch (RuntimeException e) {
      // A store that failed this time must not stop the calendar: the next tick tries again.
      LOG.error("Maintenance tick failed", e);
    }
    Instant now = clock.instant();
    Duration wait = nextDue(now).map(due -> Duration.between(now, due)).orElse(pollEvery);
    if (wait.compareTo(pollEvery) > 0) {
      wait = pollEvery;
    }
    synchronized (this) {
      if (!closed && executor != null) {
        next = executor.schedule(this::loop, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void handle(MaintenanceJob job, List<JobRun> finished) {
    Instant now = clock.instant();
    Instant due = calendar.lastDue(job, now);
    if (due.equals(settled.get(job.id()))) {
      return;
    }
    Optional<JobRun> record = runs.find(job.id(), due);
    if (record.isPresent() && record.get().outcome() != JobOutcome.RUNNING) {
      settled.put(job.id(), due);
      return;
    }
    boolean late = now.isAfter(calendar.windowEnd(job, due));
    Optional<JobLease> held = leases.find(job.id());
    if (late && held.isEmpty()) {
      // Never scheduled on this store: the occurrence was owed by nobody (a fresh install).
      if (claim(job, due, now)) {
        leases.complete(job.id(), due, owner);
      }
      settled.put(job.id(), due);
      return;
    }
    if (held.isPresent()) {
      held = recordMissed(job, held.get(), due, now, finished);
      if (held.isEmpty()) {
        return; // another runtime holds one of the earlier occurrences: it goes on from there
      }
    }
    if (held.isPresent() && !JobLease.mayClaim(held.get(), due, now)) {
      // A cheap read first; the claim below settles races. A finished occurrence is settled.
      if (held.get().done() && !held.get().due().isBefore(due)) {
        settled.put(job.id(), due);
      }
      return;
    }
    if (!claim(job, due, now)) {
      return;
    }
    held.ifPresent(earlier -> failAbandoned(job, earlier, due, now, finished));
    JobRun result = late ? lateRun(job, due, record, now) : run(job, due);
    if (!leases.complete(job.id(), due, owner)) {
      LOG.warn("Lost the lease of {} due {} while running it", job.id(), due);
    }
    settled.put(job.id(), due);
    finished.add(end(result));
  }

  /**
   * Records each occurrence after {@code held}'s and before {@code due} as {@link
   * JobOutcome#MISSED} (MNT-3): every runtime was down across them. Each is claimed first, so that
   * of runtimes coming back together one records it; none is run, the latest occurrence ({@code
   * due}) being the one catch-up. Returns the lease to go on from, or empty if another runtime
   * holds one of them.
   */
  private Optional<JobLease> recordMissed(
      MaintenanceJob job, JobLease held, Instant due, Instant now, List<JobRun> finished) {
    JobLease last = held;
    for (Instant occurrence = calendar.nextRun(job, held.due());
        occurrence.isBefore(due);
        occurrence = calendar.nextRun(job, occurrence)) {
      if (!claim(job, occurrence, now)) {
        return Optional.empty();
      }
      failAbandoned(job, last, occurrence, now, finished);
      finished.add(end(missed(job, occurrence, now)));
      leases.complete(job.id(), occurrence, owner);
      last = new JobLease(job.id(), occurrence, owner, now.plus(leaseDuration), true);
    }
    return Optional.of(last);
  }

  /**
   * Fails the run of {@code earlier}'s occurrence as abandoned if it was left running: its runtime
   * died, and this runtime just claimed the later occurrence {@code due}.
   */
  private void failAbandoned(
      MaintenanceJob job, JobLease earlier, Instant due, Instant now, List<JobRun> finished) {
    if (earlier.done() || !earlier.due().isBefore(due)) {
      return;
    }
    runs.find(job.id(), earlier.due())
        .filter(run -> run.outcome() == JobOutcome.RUNNING)
        .ifPresent(run -> finished.add(end(abandoned(job, run, now))));
  }

  /** Counts an ended run and logs it if it alerts. */
  private JobRun end(JobRun run) {
    meters.count(run);
    if (run.alerts()) {
      LOG.warn(
          "Maintenance job {} due {}: {} ({})", run.jobId(), run.due(), run.outcome(), run.error());
    }
    return run;
  }

  /** A run whose runtime died before it finished, failed now and saved. */
  private JobRun abandoned(MaintenanceJob job, JobRun running, Instant now) {
    JobRun failed =
        running.finish(
            now,
            JobOutcome.FAILED,
            running.output(),
            "abandoned: the runtime "
                + running.owner()
                + " stopped before the run finished, and its window ended at "
                + calendar.windowEnd(job, running.due()));
    runs.save(failed);
    return failed;
  }

  private boolean claim(MaintenanceJob job, Instant due, Instant now) {
    return leases.claim(job.id(), due, owner, now, now.plus(leaseDuration));
  }

  private JobRun lateRun(MaintenanceJob job, Instant due, Optional<JobRun> record, Instant now) {
    if (record.isPresent()) {
      return abandoned(job, record.get(), now);
    }
    return missed(job, due, now);
  }

  /** The occurrence due at {@code due}, recorded missed at {@code now}. */
  private JobRun missed(MaintenanceJob job, Instant due, Instant now) {
    Instant end = calendar.windowEnd(job, due);
    JobRun missed =
        new JobRun(
            job.id(),
            due,
            owner,
            now,
            now,
            JobOutcome.MISSED,
            "",
            "not run between " + due + " and " + end + " (every runtime was down?)");
    runs.save(missed);
    return missed;
  }

  private JobRun run(MaintenanceJob job, Instant due) {
    JobRun running = JobRun.running(job.id(), due, owner, clock.instant());
    runs.save(running);
    TaskRunner.Result result =
        new TaskRunner(job, due, running.started(), calendar.zone())
            .runAll(tasks.get(job.id()), this::renew, renewEvery);
    JobRun done =
        running.finish(
            clock.instant(),
            result.failed() ? JobOutcome.FAILED : JobOutcome.SUCCEEDED,
            result.output(),
            result.error());
    runs.save(done);
    return done;
  }

  private boolean renew(MaintenanceJob job, Instant due) {
    return leases.renew(job.id(), due, owner, clock.instant().plus(leaseDuration));
  }

  /** Builds a {@link MaintenanceScheduler}; {@link #build()} validates the whole. */
  public static final class Builder {
    private final Clock clock;
    private MaintenanceCalendar calendar = MaintenanceCalendar.GUIDE;
    private final Map<String, List<NamedTask>> tasks = new LinkedHashMap<>();
    private JobLeaseStore leases = new InMemoryJobLeaseStore();
    private JobRunStore runs = new InMemoryJobRunStore();
    private String owner = "maintenance-" + UUID.randomUUID();
    private Duration leaseDuration = Duration.ofHours(2);
    private @Nullable Duration renewEvery;
    private Duration pollEvery = Duration.ofMinutes(1);
    private @Nullable MeterRegistry registry;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /** The calendar; defaults to {@link MaintenanceCalendar#GUIDE} (JST). */
    public Builder calendar(MaintenanceCalendar calendar) {
      this.calendar = calendar;
      return this;
    }

    /**
     * Adds {@code task} to the job {@code jobId} of the calendar (see {@code JobIds}); a job's
     * tasks run in the order added, each output line starting with {@code name}.
     */
    public Builder task(String jobId, String name, MaintenanceTask task) {
      if (jobId == null || jobId.isBlank()) {
        throw new InvalidValueException("jobId", jobId, "must not be blank");
      }
      if (name == null || name.isBlank()) {
        throw new InvalidValueException("name", name, "must not be blank");
      }
      Require.nonNull(task, "task");
      List<NamedTask> list = tasks.computeIfAbsent(jobId, id -> new ArrayList<>());
      if (list.stream().anyMatch(t -> t.name().equals(name))) {
        throw new InvalidValueException("name", name, "is already a task of " + jobId);
      }
      list.add(new NamedTask(name, task));
      return this;
    }

    /**
     * Adds one of Omniy's built-in tasks ({@code BackupTask}, {@code RestoreTestTask}, {@code
     * SecurityScanTask}, {@code PerformanceReportTask}, {@code MonthlyReportTask}, {@code
     * CleanupTask}) to the job it belongs to, under its own name.
     */
    public Builder task(BuiltInTask task) {
      Require.nonNull(task, "task");
      return task(task.jobId(), task.name(), task);
    }

    /** Where leases live; share one store between runtimes to run each occurrence once. */
    public Builder leases(JobLeaseStore leases) {
      this.leases = leases;
      return this;
    }

    /** Where the run history lives; share it between runtimes too. */
    public Builder runs(JobRunStore runs) {
      this.runs = runs;
      return this;
    }

    /** This runtime's name in leases and records; defaults to a random one. */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** How long a claim lasts before another runtime may take over; defaults to 2 hours. */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = leaseDuration;
      return this;
    }

    /**
     * How often a running occurrence's lease is renewed, on a timer of its own while its tasks run;
     * defaults to a third of {@link #leaseDuration(Duration)}, so two renewals may fail before the
     * lease lapses. Measured on the system's timer, not the clock (tests set a few milliseconds).
     */
    public Builder renewEvery(Duration renewEvery) {
      this.renewEvery = renewEvery;
      return this;
    }

    private Duration renewEvery() {
      return renewEvery == null ? leaseDuration.dividedBy(3) : renewEvery;
    }

    /** The longest wait between ticks once started; defaults to 1 minute. */
    public Builder pollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
      return this;
    }

    /**
     * Where {@code omniy.maintenance.runs} is counted: the registry the alert engine reads, so the
     * MNT-3 rule sees failed and missed runs. Required: there is no default registry ({@code
     * Omniy.builder().maintenance(…)} sets the runtime's).
     */
    public Builder registry(MeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    /**
     * @throws InvalidValueException naming the first setting that is missing or out of range, or a
     *     task registered for a job the calendar does not have
     */
    public MaintenanceScheduler build() {
      Require.nonNull(calendar, "calendar");
      Require.nonNull(leases, "leases");
      Require.nonNull(runs, "runs");
      if (owner == null || owner.isBlank()) {
        throw new InvalidValueException("owner", owner, "must not be blank");
      }
      positive(leaseDuration, "leaseDuration");
      positive(renewEvery(), "renewEvery");
      if (renewEvery().compareTo(leaseDuration) >= 0) {
        throw new InvalidValueException(
            "renewEvery", renewEvery, "must be shorter than leaseDuration " + leaseDuration);
      }
      positive(pollEvery, "pollEvery");
      for (String jobId : tasks.keySet()) {
        if (calendar.job(jobId).isEmpty()) {
          throw new InvalidValueException("jobId", jobId, "is not a job of the calendar");
        }
      }
      if (registry == null) {
        // No fallback to a global registry: runs counted where no rule looks would leave MNT-3
        // reading "no data" forever.
        throw new InvalidValueException(
            "registry", null, "is required: the registry the alert engine reads (MNT-3)");
      }
      return new MaintenanceScheduler(this);
    }

    private static void positive(@Nullable Duration value, String field) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidValueException(field, value, "must be positive");
      }
    }
  }
}
