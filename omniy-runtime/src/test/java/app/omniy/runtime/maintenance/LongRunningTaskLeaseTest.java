package app.omniy.runtime.maintenance;

import static app.omniy.runtime.maintenance.MaintenanceFixtures.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.MaintenanceTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.testkit.Await;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MNT-3 with a task longer than its lease: the runtime running it renews the lease on a timer, so a
 * second runtime sharing the lease store neither takes the occurrence over nor starts the job's
 * next one while it runs; the renewals stop with the task, and when the runtime dies the lease
 * lapses and the occurrence is taken over.
 */
class LongRunningTaskLeaseTest {
  private static final Instant DUE = jst("2026-04-10T03:00:00");
  private static final Duration LEASE = Duration.ofMinutes(30); // on the settable clock
  private static final Duration RENEW_EVERY = Duration.ofMillis(10); // on the system's timer

  private final SettableClock clock = SettableClock.at(DUE.minus(Duration.ofMinutes(1)));
  private final InMemoryJobLeaseStore leases = new InMemoryJobLeaseStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService runtimeA = Executors.newSingleThreadExecutor();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();

  /** The first call blocks until released (the long backup); later calls return at once. */
  private final MaintenanceTask backup =
      context -> {
        if (calls.incrementAndGet() == 1) {
          started.countDown();
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
        }
        return "exported for " + context.due();
      };

  @AfterEach
  void stop() {
    release.countDown();
    runtimeA.shutdownNow();
  }

  private MaintenanceScheduler scheduler(String owner, JobLeaseStore store) {
    return MaintenanceScheduler.builder(clock)
        .leases(store)
        .runs(runs)
        .registry(registry)
        .owner(owner)
        .leaseDuration(LEASE)
        .renewEvery(RENEW_EVERY)
        .task(JobIds.DAILY_BACKUP, "export", backup)
        .build();
  }

  private JobLease lease() {
    return leases.find(JobIds.DAILY_BACKUP).orElseThrow();
  }

  /** Waits (30 s at most) until the lease satisfies {@code condition}. */
  private JobLease awaitLease(String what, Predicate<JobLease> condition) {
    return Await.until(what, Await.DEFAULT_TIMEOUT, this::lease, condition);
  }

  /** Starts runtime A's 03:00 tick on its own thread and waits until the backup runs. */
  private Future<List<JobRun>> startLongBackup(MaintenanceScheduler a) throws InterruptedException {
    a.tick(); // 02:59: installs the job on the store, nothing due
    clock.set(DUE);
    Future<List<JobRun>> tick = runtimeA.submit(a::tick);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    return tick;
  }

  @Test
  void a_second_runtime_never_starts_the_job_while_the_first_still_runs_it_past_its_lease()
      throws Exception {
    MaintenanceScheduler a = scheduler("a", leases);
    MaintenanceScheduler b = scheduler("b", leases);
    Future<List<JobRun>> tick = startLongBackup(a);

    // 03:45: without renewals A's lease would have lapsed at 03:30, inside the hour of grace, and B
    // would take the occurrence over.
    Instant at = DUE.plus(Duration.ofMinutes(45));
    clock.set(at);
    awaitLease("A renewed past 03:45", held -> held.until().isAfter(at));
    assertThat(b.tick()).as("B at 03:45").isEmpty();

    // The next day's occurrence waits too, however long A's backup takes.
    Instant nextDay = DUE.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1));
    clock.set(nextDay);
    awaitLease("A renewed past the next day", held -> held.until().isAfter(nextDay));
    assertThat(b.tick()).as("B the next day, A still running").isEmpty();
    assertThat(calls).hasValue(1);
    assertThat(lease().owner()).isEqualTo("a");
    assertThat(lease().due()).isEqualTo(DUE);

    release.countDown();
    assertThat(tick.get(30, TimeUnit.SECONDS))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.owner()).isEqualTo("a");
              assertThat(run.started()).isEqualTo(DUE);
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
            });

    // The renewals stopped with the task: the clock moves on, the lease's end does not.
    JobLease completed = lease();
    assertThat(completed.done()).isTrue();
    clock.advance(Duration.ofMinutes(1));
    Thread.sleep(20 * RENEW_EVERY.toMillis());
    assertThat(lease()).isEqualTo(completed);

    // Now B runs the next day's occurrence, late but within its window.
    assertThat(b.tick())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.owner()).isEqualTo("b");
              assertThat(run.due()).isEqualTo(DUE.plus(Duration.ofDays(1)));
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
            });
    assertThat(calls).hasValue(2);
  }

  @Test
  void when_the_runtime_running_it_dies_its_lease_lapses_and_the_occurrence_is_taken_over()
      throws Exception {
    DyingLeaseStore storeOfA = new DyingLeaseStore(leases);
    MaintenanceScheduler a = scheduler("a", storeOfA);
    MaintenanceScheduler b = scheduler("b", leases);
    startLongBackup(a);
    clock.set(DUE.plus(Duration.ofMinutes(10)));
    awaitLease("A renewed at 03:10", held -> held.until().equals(clock.instant().plus(LEASE)));

    storeOfA.die(); // A's process is gone: its task never returns, its timer renews nothing
    Thread.sleep(20 * RENEW_EVERY.toMillis()); // a renewal already past the check may land
    Instant lapses = lease().until();
    clock.set(lapses.minusMillis(1));
    assertThat(b.tick()).as("B a millisecond before the lease lapses").isEmpty();

    clock.set(lapses);
    assertThat(b.tick())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.owner()).isEqualTo("b");
              assertThat(run.due()).isEqualTo(DUE);
              assertThat(run.started()).isEqualTo(lapses);
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
            });
    assertThat(lapses).isEqualTo(DUE.plus(Duration.ofMinutes(10)).plus(LEASE));
    assertThat(lease().owner()).isEqualTo("b");
    assertThat(lease().done()).isTrue();
    assertThat(calls).hasValue(2);
  }

  @Test
  void a_renewal_period_not_shorter_than_the_lease_is_refused() {
    assertThatThrownBy(
            () ->
                MaintenanceScheduler.builder(clock)
                    .registry(new SimpleMeterRegistry())
                    .leaseDuration(Duration.ofMinutes(30))
                    .renewEvery(Duration.ofMinutes(30))
                    .build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("renewEvery")
        .hasMessageContaining("shorter than leaseDuration PT30M");
  }

  /** Runtime A's view of the shared store, which stops answering when A dies. */
  private static final class DyingLeaseStore implements JobLeaseStore {
    private final JobLeaseStore shared;
    private volatile boolean dead;

    DyingLeaseStore(JobLeaseStore shared) {
      this.shared = shared;
    }

    void die() {
      dead = true;
    }

    private void alive() {
      if (dead) {
        throw new IllegalStateException("runtime a is dead");
      }
    }

    @Override
    public boolean claim(String jobId, Instant due, String owner, Instant now, Instant until) {
      alive();
      return shared.claim(jobId, due, owner, now, until);
    }

    @Override
    public boolean renew(String jobId, Instant due, String owner, Instant until) {
      alive();
      return shared.renew(jobId, due, owner, until);
    }

    @Override
    public boolean complete(String jobId, Instant due, String owner) {
      alive();
      return shared.complete(jobId, due, owner);
    }

    @Override
    public Optional<JobLease> find(String jobId) {
      alive();
      return shared.find(jobId);
    }
  }
}
