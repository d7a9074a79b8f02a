package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertStateStore} must do (ALERT-2): keep one state per alert key, and write
 * only over the version the writer read, so that runtimes sharing the store notify once.
 *
 * <pre>{@code
 * class FirestoreAlertStateStoreTest extends AlertStateStoreContract {
 *   protected AlertStateStore newStore() { return new FirestoreAlertStateStore(emulator.db()); }
 * }
 * }</pre>
 */
public abstract class AlertStateStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final AlertKey KEY = new AlertKey("ALERT-T1", Map.of("account", "a1"));

  /** A new, empty store on the implementation's real backend. */
  protected abstract AlertStateStore newStore();

  private static AlertState firing(AlertKey key, long version) {
    return new AlertState(key, AlertPhase.FIRING, null, T0, T0, null, null, false, version);
  }

  @Test
  void an_alert_never_stored_is_absent() {
    assertThat(newStore().find(KEY)).isEmpty();
    assertThat(newStore().all()).isEmpty();
  }

  @Test
  void the_first_write_is_version_1_and_reads_back_equal() {
    AlertStateStore store = newStore();
    AlertState state =
        new AlertState(
            KEY,
            AlertPhase.FIRING,
            null,
            T0,
            T0.plusSeconds(60),
            null,
            new Acknowledgement("yuki", T0.plusSeconds(30)),
            true,
            T0.plusSeconds(90),
            1);

    assertThat(store.compareAndSet(state)).isTrue();

    assertThat(store.find(KEY)).contains(state);
    assertThat(store.all()).containsExactly(state);
  }

  @Test
  void a_write_over_a_version_that_is_not_the_stored_one_is_refused_and_changes_nothing() {
    AlertStateStore store = newStore();
    store.compareAndSet(firing(KEY, 1));
    store.compareAndSet(firing(KEY, 2));

    assertThat(store.compareAndSet(AlertState.inactive(KEY).withVersion(2))).isFalse();
    assertThat(store.compareAndSet(AlertState.inactive(KEY).withVersion(1))).isFalse();
    assertThat(store.compareAndSet(AlertState.inactive(KEY).withVersion(4))).isFalse();
    assertThat(store.find(KEY)).contains(firing(KEY, 2));
  }

  @Test
  void keys_differing_only_in_labels_are_different_alerts() {
    AlertStateStore store = newStore();
    AlertKey other = new AlertKey(KEY.ruleId(), Map.of("account", "a2"));

    store.compareAndSet(firing(KEY, 1));

    assertThat(store.find(other)).isEmpty();
    assertThat(store.compareAndSet(firing(other, 1))).isTrue();
    assertThat(store.all()).hasSize(2);
  }

  @Test
  void of_writers_racing_on_one_version_exactly_one_wins() throws Exception {
    AlertStateStore store = newStore();
    int writers = 8;
    List<Boolean> results = Concurrently.run(writers, i -> store.compareAndSet(firing(KEY, 1)));

    assertThat(results).filteredOn(won -> won).hasSize(1);
    assertThat(store.find(KEY).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void two_runtimes_evaluating_the_same_samples_at_once_notify_a_firing_once() throws Exception {
    AlertRule rule =
        AlertRule.builder("ALERT-T1")
            .metric("t.gauge")
            .when(Comparison.ABOVE, "0.5")
            .channels(Channel.SLACK)
            .build();
    AlertStateStore store = newStore();
    List<AlertEvaluator> runtimes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      AlertEvaluator evaluator = AlertEvaluator.create(List.of(rule), store);
      evaluator.record("t.gauge", Map.of(), T0, 0.9);
      runtimes.add(evaluator);
    }

    List<List<AlertEvent>> events =
        Concurrently.run(2, i -> runtimes.get(i).evaluate(T0.plusSeconds(1)).events());

    assertThat(events.stream().mapToInt(List::size).sum()).isEqualTo(1);
    assertThat(store.find(new AlertKey("ALERT-T1", Map.of())).orElseThrow().phase())
        .isEqualTo(AlertPhase.FIRING);
  }
}
