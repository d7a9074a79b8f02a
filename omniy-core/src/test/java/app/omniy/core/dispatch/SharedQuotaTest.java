package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST-3 across runtimes: two dispatchers with their own leases and ledgers share one store, as two
 * host instances would, and together never publish more than the account's quota (POST-8).
 */
class SharedQuotaTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final QuotaPolicy THREE_A_DAY = new QuotaPolicy(3, 400, Duration.ofHours(24));

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final SettableClock clock = SettableClock.at(T0);

  private ManualDispatcher runtime(String owner) {
    return ManualDispatcher.builder(store, publisher, clock)
        .settings(DispatchSettings.defaults(owner).withQuotaPolicy(THREE_A_DAY))
        .build();
  }

  private void insert(String id, Instant publishAt) {
    store.insert(SamplePosts.image(id, "acct", publishAt), T0.minusSeconds(3600));
  }

  @Test
  void two_runtimes_on_one_store_count_each_others_publishes_against_the_accounts_quota() {
    ManualDispatcher first = runtime("host-a");
    ManualDispatcher second = runtime("host-b");
    // Each runtime publishes one post of the account, so each has met it (and has its own ledger).
    insert("a0", T0);
    first.runDue();
    insert("b0", T0);
    second.runDue();

    insert("a1", T0.plusSeconds(3600));
    insert("a2", T0.plusSeconds(3600));
    insert("b1", T0.plusSeconds(3601));
    insert("b2", T0.plusSeconds(3601));
    clock.set(T0.plusSeconds(3600));
    first.runDue(); // the store holds a0 and b0: one slot left
    clock.set(T0.plusSeconds(3601));
    second.runDue(); // the store holds three: none left

    List<PostRecord> all = store.findByAccount("acct", EnumSet.allOf(PostState.class));
    assertThat(all).filteredOn(r -> r.state() == PostState.PUBLISHED).hasSize(3);
    assertThat(publisher.published()).hasSize(3);
    assertThat(all)
        .filteredOn(r -> r.state() != PostState.PUBLISHED)
        .extracting(PostRecord::id)
        .containsExactlyInAnyOrder("a2", "b1", "b2");
    // Deferred to the next free slot, a day later, which is past their window (POST-6).
    assertThat(all)
        .filteredOn(r -> r.state() != PostState.PUBLISHED)
        .allSatisfy(
            r ->
                assertThat(r.lastTransition().orElseThrow().reason())
                    .startsWith("MISSED_WINDOW")
                    .contains("3 of 3 posts published in the last PT24H"));
  }

  @Test
  void a_slot_taken_by_an_attempt_that_did_not_publish_is_free_again_for_the_other_runtime() {
    ManualDispatcher first = runtime("host-a");
    ManualDispatcher second = runtime("host-b");
    insert("a0", T0);
    insert("a1", T0);
    first.runDue();
    publisher.script(
        ScriptedPublisher.Operation.CREATE,
        PublisherResult.failure(OutcomeClass.TRANSIENT, "timeout", "no answer"));
    insert("b0", T0.plusSeconds(60));
    clock.set(T0.plusSeconds(60));
    second.runDue(); // fails before publishing: RETRY_WAIT, its slot given back
    insert("b1", T0.plusSeconds(61));
    clock.set(T0.plusSeconds(61));
    second.runDue();

    assertThat(store.find("b0").orElseThrow().state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(store.find("b1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.published()).hasSize(3);
  }
}
