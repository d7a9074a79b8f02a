package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MNT-3 on Firestore: two runtimes sharing the lease and run stores run each occurrence once, and a
 * runtime restarted after the backup's window records the miss once.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreMaintenanceTest {
  private final EmulatorStores stores;
  private final FirestoreStoreOptions options;
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final SettableClock clock = SettableClock.at(jst("2026-04-09T02:40:00"));

  FirestoreMaintenanceTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
    options = stores.fresh();
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  private MaintenanceScheduler scheduler(String owner) {
    return MaintenanceScheduler.builder(clock)
        .leases(new FirestoreJobLeaseStore(options))
        .runs(new FirestoreJobRunStore(options))
        .registry(stores.meters)
        .owner(owner)
        .task(
            JobIds.DAILY_BACKUP,
            "export",
            context -> {
              ran.add(context.due() + " by " + owner);
              return "exported";
            })
        .build();
  }

  /** Both schedulers tick at the same moment, every 20 minutes, until {@code end}. */
  private void together(List<MaintenanceScheduler> schedulers, Instant end) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(schedulers.size());
    try {
      while (clock.instant().isBefore(end)) {
        clock.advance(Duration.ofMinutes(20));
        List<Callable<List<JobRun>>> ticks =
            schedulers.stream().<Callable<List<JobRun>>>map(s -> s::tick).toList();
        for (Future<List<JobRun>> done : pool.invokeAll(ticks)) {
          done.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void two_runtimes_on_one_firestore_run_each_backup_once_and_a_restart_records_the_miss()
      throws Exception {
    MaintenanceScheduler a = scheduler("a");
    MaintenanceScheduler b = scheduler("b");
    a.tick();
    b.tick();

    together(List.of(a, b), jst("2026-04-10T04:00:00"));

    assertThat(ran)
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).matches(".* by [ab]"))
        .map(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly("2026-04-08T18:00:00Z", "2026-04-09T18:00:00Z");

    // Both down over the 11th's backup; one restarts at 05:00 JST, after the hour of grace.
    clock.set(jst("2026-04-11T05:00:00"));
    MaintenanceScheduler restarted = scheduler("c");
    MaintenanceScheduler other = scheduler("d");

    List<JobRun> found = restarted.tick();
    assertThat(other.tick()).as("the miss is recorded once").isEmpty();

    assertThat(found)
        .singleElement()
        .satisfies(run -> assertThat(run.outcome()).isEqualTo(JobOutcome.MISSED));
    assertThat(restarted.history(JobIds.DAILY_BACKUP, 5))
        .extracting(JobRun::outcome)
        .containsExactly(JobOutcome.MISSED, JobOutcome.SUCCEEDED, JobOutcome.SUCCEEDED);
    assertThat(
            stores
                .meters
                .counter("omniy.maintenance.runs", "job", JobIds.DAILY_BACKUP, "outcome", "missed")
                .count())
        .isEqualTo(1);
  }
}
