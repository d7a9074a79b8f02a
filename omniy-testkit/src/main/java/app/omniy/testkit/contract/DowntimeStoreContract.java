package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.core.sla.spi.DowntimeStore.Stored;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DowntimeStore} must have (SLA-2). Extend it in the implementation's
 * tests and return a fresh, empty store from {@link #newStore()}.
 */
public abstract class DowntimeStoreContract {
  private static final Instant T = Instant.parse("2026-04-10T01:00:00Z");
  private static final TimeRange HOUR = new TimeRange(T, T.plusSeconds(3_600));

  /** The store under test. */
  protected DowntimeStore store;

  /** A new, empty store on the implementation's real backend. */
  protected abstract DowntimeStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static DowntimePeriod period(long fromSecond, long toSecond, DowntimeCause cause) {
    return new DowntimePeriod(
        T.plusSeconds(fromSecond), T.plusSeconds(toSecond), cause, SlaTarget.CORE_API, "note");
  }

  @Test
  void an_added_period_comes_back_whole_with_its_cause_target_and_note() {
    DowntimePeriod period = period(60, 120, DowntimeCause.DDOS);

    String id = store.add(period);

    assertThat(store.overlapping(HOUR)).containsExactly(new Stored(id, period));
  }

  @Test
  void ids_are_unique() {
    String first = store.add(period(0, 10, DowntimeCause.INCIDENT));
    String second = store.add(period(0, 10, DowntimeCause.INCIDENT));

    assertThat(first).isNotEqualTo(second);
    assertThat(store.overlapping(HOUR)).hasSize(2);
  }

  @Test
  void overlapping_is_half_open_and_returns_periods_uncut() {
    store.add(period(-60, 0, DowntimeCause.INCIDENT)); // ends where the hour starts
    store.add(period(3_600, 3_700, DowntimeCause.INCIDENT)); // starts where it ends
    DowntimePeriod across = period(-60, 1, DowntimeCause.INCIDENT);
    store.add(across);

    assertThat(store.overlapping(HOUR)).extracting(Stored::period).containsExactly(across);
  }

  @Test
  void overlapping_orders_by_start_then_end() {
    DowntimePeriod late = period(600, 700, DowntimeCause.INCIDENT);
    DowntimePeriod longer = period(10, 900, DowntimeCause.PLANNED_MAINTENANCE);
    DowntimePeriod shorter = period(10, 20, DowntimeCause.INCIDENT);
    store.add(late);
    store.add(longer);
    store.add(shorter);

    assertThat(store.overlapping(HOUR))
        .extracting(Stored::period)
        .containsExactly(shorter, longer, late);
  }

  @Test
  void a_removed_period_is_gone_and_removing_it_again_says_so() {
    String id = store.add(period(0, 10, DowntimeCause.INCIDENT));

    assertThat(store.remove(id)).isTrue();
    assertThat(store.overlapping(HOUR)).isEmpty();
    assertThat(store.remove(id)).isFalse();
  }

  @Test
  void the_ledger_of_a_month_measures_the_stored_periods() {
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    store.add(period(0, 600, DowntimeCause.INCIDENT));
    store.add(period(300, 900, DowntimeCause.INCIDENT));
    store.add(period(0, 100, DowntimeCause.PLANNED_MAINTENANCE));

    long down =
        store.ledger(april.range()).availability(SlaTarget.CORE_API, april).downtimeSeconds();

    assertThat(down).isEqualTo(800);
  }

  @Test
  void missing_arguments_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> store.add(null))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("period"));
    assertThatThrownBy(() -> store.overlapping(null))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("range"));
  }
}
