package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobLeaseStore} must do (MNT-3): one runtime wins each occurrence of a job, a
 * finished occurrence is never claimed again, a lapsed lease can be taken over, and a job never
 * runs twice at once or goes back in time. Job ids are fresh per test, so a shared backend works.
 */
public abstract class JobLeaseStoreContract {
  private static final Instant DUE = Instant.parse("2026-04-09T18:00:00Z"); // 03:00 JST
  private static final Instant NEXT_DUE = DUE.plus(Duration.ofDays(1));
  private static final Duration TTL = Duration.ofMinutes(30);

  /** The store under test. */
  protected JobLeaseStore store;

  private String job;

  /** A fresh store for each test. */
  protected abstract JobLeaseStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
    job = "daily-backup-" + UUID.randomUUID();
  }

  private boolean claim(Instant due, String owner, Instant now) {
    return store.claim(job, due, owner, now, now.plus(TTL));
  }

  @Test
  void the_first_claim_of_an_occurrence_wins_and_the_second_runtime_is_refused() {
    assertThat(claim(DUE, "a", DUE)).isTrue();
    assertThat(claim(DUE, "b", DUE.plusSeconds(1))).isFalse();

    assertThat(store.find(job)).contains(new JobLease(job, DUE, "a", DUE.plus(TTL), false));
  }

  @Test
  void a_completed_occurrence_is_never_claimed_again_even_after_its_lease_lapsed() {
    claim(DUE, "a", DUE);
    assertThat(store.complete(job, DUE, "a")).isTrue();

    assertThat(claim(DUE, "b", DUE.plus(Duration.ofHours(5)))).isFalse();
    assertThat(store.find(job).orElseThrow().done()).isTrue();
  }

  @Test
  void a_lapsed_lease_of_a_runtime_that_died_is_taken_over_exactly_at_its_end() {
    claim(DUE, "a", DUE);

    assertThat(claim(DUE, "b", DUE.plus(TTL).minusSeconds(1))).isFalse();
    assertThat(claim(DUE, "b", DUE.plus(TTL))).isTrue();
    assertThat(store.complete(job, DUE, "a")).as("a lost it").isFalse();
    assertThat(store.renew(job, DUE, "a", DUE.plus(Duration.ofHours(2)))).isFalse();
    assertThat(store.complete(job, DUE, "b")).isTrue();
  }

  @Test
  void renewing_keeps_the_occurrence_from_being_taken_over() {
    claim(DUE, "a", DUE);
    assertThat(store.renew(job, DUE, "a", DUE.plus(Duration.ofHours(2)))).isTrue();

    assertThat(claim(DUE, "b", DUE.plus(Duration.ofHours(1)))).isFalse();
    assertThat(store.find(job).orElseThrow().until()).isEqualTo(DUE.plus(Duration.ofHours(2)));
  }

  @Test
  void the_next_occurrence_waits_for_a_live_run_of_the_previous_one() {
    claim(DUE, "a", DUE);

    assertThat(claim(NEXT_DUE, "b", DUE.plus(TTL).minusSeconds(1)))
        .as("never two runs of one job at once")
        .isFalse();
    store.complete(job, DUE, "a");
    assertThat(claim(NEXT_DUE, "b", DUE.plus(TTL).minusSeconds(1))).isTrue();
    assertThat(claim(DUE, "a", NEXT_DUE.plus(Duration.ofHours(5))))
        .as("an older occurrence, once a later one is held")
        .isFalse();
  }

  @Test
  void unknown_jobs_have_no_lease_and_cannot_be_renewed_or_completed() {
    assertThat(store.find(job)).isEmpty();
    assertThat(store.renew(job, DUE, "a", NEXT_DUE)).isFalse();
    assertThat(store.complete(job, DUE, "a")).isFalse();
  }

  @Test
  void of_eight_runtimes_claiming_one_occurrence_at_once_exactly_one_wins() throws Exception {
    List<Boolean> won = Concurrently.run(8, index -> claim(DUE, "runtime-" + index, DUE));

    assertThat(won).containsOnlyOnce(true);
  }
}
