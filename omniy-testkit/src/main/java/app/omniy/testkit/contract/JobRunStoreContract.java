package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobRunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobRunStore} must do (MNT-3): keep each occurrence's start, end, outcome,
 * output and error, replace it when the run ends, and list a job's history latest first. Job ids
 * are fresh per test, so a shared backend works.
 */
public abstract class JobRunStoreContract {
  private static final Instant DUE = Instant.parse("2026-04-09T18:00:00Z"); // 03:00 JST

  /** The store under test. */
  protected JobRunStore store;

  private String job;

  /** A fresh store for each test. */
  protected abstract JobRunStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
    job = "daily-backup-" + UUID.randomUUID();
  }

  private JobRun day(int n) {
    Instant due = DUE.plus(Duration.ofDays(n));
    return JobRun.running(job, due, "a", due.plusSeconds(2));
  }

  @Test
  void a_run_is_kept_while_running_and_replaced_when_it_ends() {
    JobRun running = day(0);
    store.save(running);
    assertThat(store.find(job, DUE)).contains(running);

    JobRun failed =
        running.finish(DUE.plusSeconds(90), JobOutcome.FAILED, "export: started", "export: 503");
    store.save(failed);

    assertThat(store.find(job, DUE)).contains(failed);
    assertThat(store.history(job, 10)).containsExactly(failed);
  }

  @Test
  void the_history_lists_the_latest_occurrence_first_up_to_the_limit() {
    JobRun first = day(0).finish(DUE.plusSeconds(60), JobOutcome.SUCCEEDED, "ok", null);
    JobRun missed =
        new JobRun(
            job,
            DUE.plus(Duration.ofDays(1)),
            "b",
            DUE.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
            DUE.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
            JobOutcome.MISSED,
            "",
            "not run by 04:00 JST");
    JobRun third = day(2);
    store.save(missed);
    store.save(third);
    store.save(first);

    assertThat(store.history(job, 10)).containsExactly(third, missed, first);
    assertThat(store.history(job, 2)).containsExactly(third, missed);
  }

  @Test
  void deleting_before_an_instant_removes_only_that_jobs_older_occurrences() {
    String other = "daily-report-" + UUID.randomUUID();
    JobRun otherOld = JobRun.running(other, DUE, "a", DUE.plusSeconds(1));
    store.save(otherOld);
    store.save(day(0));
    store.save(day(1));
    JobRun kept = day(2);
    store.save(kept);

    assertThat(store.deleteBefore(job, DUE.plus(Duration.ofDays(2)))).isEqualTo(2);

    assertThat(store.history(job, 10)).containsExactly(kept);
    assertThat(store.history(other, 10)).containsExactly(otherOld);
    assertThat(store.deleteBefore(job, DUE.plus(Duration.ofDays(2)))).isZero();
  }

  @Test
  void an_unknown_job_or_occurrence_is_empty() {
    store.save(day(0));

    assertThat(store.find(job, DUE.plusSeconds(1))).isEmpty();
    assertThat(store.history("other-" + UUID.randomUUID(), 10)).isEmpty();
    assertThat(store.history(job, 0)).isEmpty();
  }
}
