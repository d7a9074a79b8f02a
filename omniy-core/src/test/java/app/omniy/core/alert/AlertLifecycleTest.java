package app.omniy.core.alert;

import static app.omniy.core.alert.AlertEvent.Kind.ESCALATED;
import static app.omniy.core.alert.AlertEvent.Kind.FIRED;
import static app.omniy.core.alert.AlertEvent.Kind.REPEATED;
import static app.omniy.core.alert.AlertEvent.Kind.RESOLVED;
import static app.omniy.core.alert.Rig.T0;
import static app.omniy.core.alert.Rig.minutes;
import static app.omniy.core.alert.Rig.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.memory.InMemoryStores;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALERT-1 "for" and "over", the ALERT-2 state machine, ALERT-3 acknowledgement and escalation. */
class AlertLifecycleTest {
  private static final String METRIC = "test.gauge";
  private static final String EVENTS = "test.events";
  private static final Map<String, String> NO_TAGS = Map.of();
  private static final Map<String, String> FAILED = Map.of("outcome", "failure");
  private static final Map<String, String> OK = Map.of("outcome", "success");

  /** latest gauge > 0.5 over 5m, held for 10m; repeat 1h, respond within 15m. */
  private static final AlertRule SUSTAINED =
      AlertRule.builder("T-FOR")
          .metric(METRIC)
          .when(Comparison.ABOVE, "0.5")
          .sustainedFor(Duration.ofMinutes(10))
          .channels(Channel.SLACK)
          .respondWithin(Duration.ofMinutes(15))
          .repeatInterval(Duration.ofHours(1))
          .build();

  /** failure share > 50% over a sliding 5m, fires at once; repeat 1h, respond within 15m. */
  private static final AlertRule SHARE =
      AlertRule.builder("T-OVER")
          .metric(EVENTS)
          .aggregation(new Aggregation.ShareOf(TagFilter.of("outcome", "failure")))
          .when(Comparison.ABOVE, "0.5")
          .channels(Channel.EMAIL)
          .respondWithin(Duration.ofMinutes(15))
          .repeatInterval(Duration.ofHours(1))
          .build();

  /** SHARE with a day to respond, so nothing escalates while repeats are watched. */
  private static final AlertRule RELAXED =
      AlertRule.builder("T-REPEAT")
          .metric(EVENTS)
          .aggregation(new Aggregation.ShareOf(TagFilter.of("outcome", "failure")))
          .when(Comparison.ABOVE, "0.5")
          .channels(Channel.EMAIL)
          .respondWithin(Duration.ofDays(1))
          .repeatInterval(Duration.ofHours(1))
          .build();

  private static void gauge(Rig rig, long minute, double value) {
    rig.value(METRIC, NO_TAGS, minutes(minute), value);
    rig.evaluate(minutes(minute));
  }

  /** A firing SHARE alert, fired at T0, kept holding by a failure every minute until {@code to}. */
  private static Rig firingUntil(long to) {
    return firingUntil(SHARE, to);
  }

  private static Rig firingUntil(AlertRule rule, long to) {
    Rig rig = new Rig(rule);
    for (long m = 0; m <= to; m++) {
      rig.events(EVENTS, FAILED, minutes(m), 1);
      rig.evaluate(minutes(m));
    }
    return rig;
  }

  @Test
  void a_for_rule_is_pending_until_the_full_duration_and_fires_exactly_then() {
    Rig rig = new Rig(SUSTAINED);
    for (long m = 0; m < 10; m++) {
      gauge(rig, m, 0.9);
      assertThat(only(rig.evaluate(minutes(m))).phase()).isEqualTo(AlertPhase.PENDING);
    }
    assertThat(rig.events).isEmpty();

    gauge(rig, 10, 0.9);

    assertThat(rig.kinds()).containsExactly(FIRED);
    assertThat(rig.events.get(0).firingSince()).isEqualTo(minutes(10));
  }

  @Test
  void a_for_rule_starts_over_when_the_condition_breaks_once() {
    Rig rig = new Rig(SUSTAINED);
    for (long m = 0; m <= 5; m++) {
      gauge(rig, m, 0.9);
    }
    gauge(rig, 6, 0.1);
    assertThat(only(rig.evaluate(minutes(6))).phase()).isEqualTo(AlertPhase.INACTIVE);
    for (long m = 7; m <= 16; m++) {
      gauge(rig, m, 0.9);
    }
    assertThat(rig.events).isEmpty();

    gauge(rig, 17, 0.9);

    assertThat(rig.kinds()).containsExactly(FIRED);
    assertThat(rig.events.get(0).at()).isEqualTo(minutes(17));
  }

  @Test
  void a_for_rule_starts_over_when_an_evaluation_has_no_data() {
    Rig rig = new Rig(SUSTAINED);
    for (long m = 0; m <= 5; m++) {
      gauge(rig, m, 0.9);
    }
    // Nothing reported for more than the 5-minute window.
    rig.evaluate(minutes(11));
    for (long m = 12; m <= 21; m++) {
      gauge(rig, m, 0.9);
    }
    assertThat(rig.events).isEmpty();
    gauge(rig, 22, 0.9);
    assertThat(rig.kinds()).containsExactly(FIRED);
  }

  @Test
  void an_over_rule_reads_a_sliding_window_so_old_events_leave_it_bucket_by_bucket() {
    Rig rig = new Rig(SHARE);
    rig.events(EVENTS, FAILED, T0, 6).events(EVENTS, OK, minutes(3), 5);

    assertThat(only(rig.evaluate(minutes(4))).evaluation().text()).startsWith("54.5455% (6 of 11)");
    // One millisecond before the window has slid past T0's bucket, the failures still count.
    assertThat(only(rig.evaluate(minutes(5).minusMillis(1))).phase()).isEqualTo(AlertPhase.FIRING);
    AlertStatus slid = only(rig.evaluate(minutes(5)));

    assertThat(slid.evaluation().text()).startsWith("0% (0 of 5)");
    assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
  }

  @Test
  void a_steady_firing_alert_is_not_re_sent_before_its_repeat_interval() {
    Rig rig = firingUntil(RELAXED, 59);
    assertThat(rig.kinds()).containsExactly(FIRED);

    for (long m = 60; m < 180; m++) {
      rig.events(EVENTS, FAILED, minutes(m), 1);
      rig.evaluate(minutes(m));
    }

    assertThat(rig.kinds()).containsExactly(FIRED, REPEATED, REPEATED);
    assertThat(rig.events.get(1).at()).isEqualTo(minutes(60));
    assertThat(rig.events.get(2).at()).isEqualTo(minutes(120));
  }

  @Test
  void an_escalation_counts_as_a_notice_so_the_next_repeat_is_an_interval_after_it() {
    Rig rig = firingUntil(100);

    assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED, REPEATED);
    assertThat(rig.events.get(1).at()).isEqualTo(minutes(16));
    assertThat(rig.events.get(2).at()).isEqualTo(minutes(76));
  }

  @Test
  void a_resolve_notice_is_sent_once_and_only_after_a_firing() {
    Rig rig = firingUntil(3);
    for (long m = 4; m <= 20; m++) {
      rig.events(EVENTS, OK, minutes(m), 100);
      rig.evaluate(minutes(m));
    }

    assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
    assertThat(rig.events.get(1).firingSince()).isEqualTo(T0);
    assertThat(only(rig.evaluate(minutes(20))).phase()).isEqualTo(AlertPhase.RESOLVED);
  }

  @Test
  void a_firing_alert_whose_data_disappears_resolves_saying_it_cannot_confirm() {
    Rig rig = firingUntil(2);

    AlertStatus status = only(rig.evaluate(minutes(9)));

    assertThat(status.evaluation().outcome()).isEqualTo(Evaluation.Outcome.NO_DATA);
    assertThat(status.phase()).isEqualTo(AlertPhase.RESOLVED);
    assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
    assertThat(rig.events.get(1).reason())
        .isEqualTo("not enough data to confirm: no data in the last 5m");
  }

  @Test
  void an_unacknowledged_alert_escalates_just_after_its_deadline_on_every_channel_once() {
    Rig rig = firingUntil(15);
    assertThat(rig.kinds()).containsExactly(FIRED);

    rig.evaluate(minutes(15).plusMillis(1));
    rig.evaluate(minutes(16));

    assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED);
    AlertEvent escalated = rig.events.get(1);
    assertThat(escalated.channels())
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SLACK, Channel.SMS);
    assertThat(escalated.toEscalationContact()).isTrue();
    assertThat(escalated.acknowledgement()).isNull();
  }

  @Test
  void an_acknowledgement_exactly_at_the_deadline_is_on_time_and_nothing_escalates() {
    Rig rig = firingUntil(14);
    rig.evaluator.acknowledge(Rig.key(SHARE), "yuki", minutes(15));

    for (long m = 15; m <= 180; m++) {
      rig.events(EVENTS, FAILED, minutes(m), 1);
      rig.evaluate(minutes(m));
    }

    assertThat(rig.kinds()).containsExactly(FIRED);
    assertThat(rig.store.find(Rig.key(SHARE)).orElseThrow().acknowledgement())
        .isEqualTo(new Acknowledgement("yuki", minutes(15)));
  }

  @Test
  void an_acknowledgement_after_the_deadline_is_late_and_still_escalates() {
    Rig rig = firingUntil(14);
    rig.evaluator.acknowledge(Rig.key(SHARE), "yuki", minutes(15).plusSeconds(1));

    rig.evaluate(minutes(16));

    assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED);
    assertThat(rig.events.get(1).acknowledgement().by()).isEqualTo("yuki");
  }

  @Test
  void only_a_firing_alert_can_be_acknowledged() {
    Rig rig = new Rig(SHARE);
    AlertKey key = Rig.key(SHARE);

    assertThatThrownBy(() -> rig.evaluator.acknowledge(key, "yuki", T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.reason()).isEqualTo("is not firing (inactive)"));
  }

  @Test
  void a_new_firing_after_a_resolve_starts_with_no_acknowledgement_and_can_escalate_again() {
    Rig rig = firingUntil(1);
    rig.evaluator.acknowledge(Rig.key(SHARE), "yuki", minutes(2));
    rig.events(EVENTS, OK, minutes(3), 100);
    rig.evaluate(minutes(3));
    for (long m = 10; m <= 26; m++) {
      rig.events(EVENTS, FAILED, minutes(m), 1);
      rig.evaluate(minutes(m));
    }

    assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED, FIRED, ESCALATED);
    assertThat(rig.events.get(3).at()).isEqualTo(minutes(26));
  }

  @Test
  void two_evaluators_sharing_a_store_notify_a_firing_once() {
    AlertStateStore shared = InMemoryStores.alertStates();
    Rig first = new Rig(shared, SHARE);
    Rig second = new Rig(shared, SHARE);
    for (Rig rig : new Rig[] {first, second}) {
      rig.events(EVENTS, FAILED, T0, 5);
    }

    first.evaluate(minutes(1));
    second.evaluate(minutes(1));
    first.events(EVENTS, OK, minutes(2), 100);
    second.events(EVENTS, OK, minutes(2), 100);
    second.evaluate(minutes(2));
    first.evaluate(minutes(2));

    assertThat(first.kinds()).containsExactly(FIRED);
    assertThat(second.kinds()).containsExactly(RESOLVED);
  }

  @Test
  void counter_totals_become_increments_and_a_drop_is_a_restart_from_zero() {
    CounterTotals totals = new CounterTotals(0);

    assertThat(totals.increment(10)).isEqualTo(10);
    assertThat(totals.increment(25)).isEqualTo(15);
    assertThat(totals.increment(25)).isZero();
    assertThat(totals.increment(4)).isEqualTo(4);
    assertThat(totals.increment(9)).isEqualTo(5);
  }
}
