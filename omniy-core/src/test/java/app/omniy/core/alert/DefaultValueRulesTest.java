package app.omniy.core.alert;

import static app.omniy.core.alert.Rig.T0;
import static app.omniy.core.alert.Rig.minutes;
import static app.omniy.core.alert.Rig.only;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Evaluation.Outcome;
import app.omniy.core.metrics.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The guide's other default rules (ALERT-W1, W2, W3, I1, I2, I3) just below, at and above their
 * thresholds, with too little data and with none.
 */
class DefaultValueRulesTest {
  private static final Map<String, String> NO_TAGS = Map.of();

  @Nested
  class SlowApi {
    private final AlertRule rule = DefaultAlertRules.SLOW_API;

    /** Per minute: 94 fast responses and 6 taking {@code slow} s, so p95 is {@code slow}. */
    private Rig run(double slow, long minutes) {
      Rig rig = new Rig(rule);
      for (long m = 0; m <= minutes; m++) {
        for (int i = 0; i < 94; i++) {
          rig.value(MetricNames.HTTP_SERVER_REQUESTS, NO_TAGS, minutes(m), 0.1);
        }
        for (int i = 0; i < 6; i++) {
          rig.value(MetricNames.HTTP_SERVER_REQUESTS, NO_TAGS, minutes(m), slow);
        }
        rig.evaluate(minutes(m));
      }
      return rig;
    }

    @Test
    void p95_just_below_2s_never_fires() {
      assertThat(run(1.999, 30).events).isEmpty();
    }

    @Test
    void p95_exactly_2s_never_fires() {
      Rig rig = run(2.0, 30);
      assertThat(rig.events).isEmpty();
      assertThat(only(rig.evaluate(minutes(30))).evaluation().text()).contains("p95 not > 2");
    }

    @Test
    void p95_just_above_2s_fires_after_the_full_15_minutes() {
      assertThat(run(2.001, 14).events).isEmpty();
      Rig rig = run(2.001, 15);
      assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED);
      assertThat(rig.events.get(0).at()).isEqualTo(minutes(15));
    }

    @Test
    void nineteen_slow_samples_are_too_little_data() {
      Rig rig = new Rig(rule);
      for (int i = 0; i < 19; i++) {
        rig.value(MetricNames.HTTP_SERVER_REQUESTS, NO_TAGS, T0, 30);
      }
      AlertStatus status = only(rig.evaluate(T0));
      assertThat(status.evaluation().outcome()).isEqualTo(Outcome.TOO_LITTLE_DATA);
      assertThat(status.phase()).isEqualTo(AlertPhase.INACTIVE);
    }

    @Test
    void no_samples_is_no_data() {
      Rig rig = new Rig(rule);
      assertThat(only(rig.evaluate(T0)).evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
    }
  }

  @Nested
  class Cpu {
    private final AlertRule rule = DefaultAlertRules.CPU;

    /** A CPU reading every 10 s, evaluated every minute. */
    private Rig run(double usage, long minutes) {
      Rig rig = new Rig(rule);
      for (long m = 0; m <= minutes; m++) {
        for (int s = 0; s < 60; s += 10) {
          rig.value(MetricNames.SYSTEM_CPU_USAGE, NO_TAGS, minutes(m).minusSeconds(s), usage);
        }
        rig.evaluate(minutes(m));
      }
      return rig;
    }

    @Test
    void just_below_80_percent_never_fires() {
      assertThat(run(0.79, 40).events).isEmpty();
    }

    @Test
    void exactly_80_percent_never_fires_even_though_0_8_is_not_exact_in_binary() {
      Rig rig = run(0.8, 40);
      assertThat(rig.events).isEmpty();
      assertThat(only(rig.evaluate(minutes(40))).evaluation().text()).startsWith("mean 0.8, not >");
    }

    @Test
    void just_above_80_percent_fires_after_30_minutes() {
      assertThat(run(0.81, 29).events).isEmpty();
      Rig rig = run(0.81, 30);
      assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED);
      assertThat(rig.events.get(0).at()).isEqualTo(minutes(30));
    }

    @Test
    void a_minute_without_readings_is_no_data_and_restarts_the_30_minutes() {
      Rig rig = run(0.95, 20);
      // Minute 21 has no reading at all: the window holds no data.
      assertThat(only(rig.evaluate(minutes(21).plusSeconds(1))).evaluation().outcome())
          .isEqualTo(Outcome.NO_DATA);
      for (long m = 22; m <= 45; m++) {
        rig.value(MetricNames.SYSTEM_CPU_USAGE, NO_TAGS, minutes(m), 0.95);
        rig.evaluate(minutes(m));
      }
      assertThat(rig.events).isEmpty();
    }

    @Test
    void its_minimum_is_one_reading_so_one_is_never_too_little() {
      assertThat(rule.condition().minSamples()).isEqualTo(1);
      Rig rig = new Rig(rule);
      rig.value(MetricNames.SYSTEM_CPU_USAGE, NO_TAGS, T0, 0.5);
      assertThat(only(rig.evaluate(T0)).evaluation().outcome()).isEqualTo(Outcome.CLEAR);
    }
  }

  @Nested
  class Storage {
    private final AlertRule rule = DefaultAlertRules.STORAGE;
    private final Map<String, String> root = Map.of("path", "/");

    private AlertEvaluation reading(Rig rig, double usage) {
      rig.value(MetricNames.DISK_USAGE, root, minutes(1), usage);
      return rig.evaluate(minutes(2));
    }

    @Test
    void below_at_and_above_85_percent() {
      Rig below = new Rig(rule);
      Rig at = new Rig(rule);
      Rig above = new Rig(rule);

      assertThat(only(reading(below, 0.84)).phase()).isEqualTo(AlertPhase.INACTIVE);
      assertThat(only(reading(at, 0.85)).evaluation().text()).isEqualTo("latest 0.85, not > 0.85");
      assertThat(at.events).isEmpty();
      assertThat(only(reading(above, 0.8501)).phase()).isEqualTo(AlertPhase.FIRING);
      assertThat(above.events.get(0).key().labels()).containsEntry("path", "/");
    }

    @Test
    void each_disk_is_its_own_alert() {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.DISK_USAGE, Map.of("path", "/"), minutes(1), 0.9);
      rig.value(MetricNames.DISK_USAGE, Map.of("path", "/data"), minutes(1), 0.5);

      AlertEvaluation result = rig.evaluate(minutes(2));

      assertThat(result.statuses()).hasSize(2);
      assertThat(rig.events)
          .singleElement()
          .satisfies(e -> assertThat(e.key().labels()).containsEntry("path", "/"));
    }

    @Test
    void a_reading_older_than_5_minutes_is_no_data() {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.DISK_USAGE, root, T0, 0.99);
      assertThat(only(rig.evaluate(minutes(5))).evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
      assertThat(rig.events).isEmpty();
    }

    @Test
    void no_disk_reported_is_no_data() {
      Rig rig = new Rig(rule);
      assertThat(only(rig.evaluate(T0)).evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
    }
  }

  @Nested
  class DauDrop {
    private final AlertRule rule = DefaultAlertRules.DAU_DROP;
    private final Instant today = T0.plus(Duration.ofDays(8));

    /** Seven days of 1000 daily active users, then {@code dau} today. */
    private AlertEvaluation day(Rig rig, double dau) {
      for (int d = 1; d <= 7; d++) {
        rig.value(MetricNames.USERS_ACTIVE_DAILY, NO_TAGS, T0.plus(Duration.ofDays(d)), 1000);
      }
      rig.value(MetricNames.USERS_ACTIVE_DAILY, NO_TAGS, today, dau);
      return rig.evaluate(today.plusSeconds(60));
    }

    @Test
    void down_19_9_percent_stays_quiet() {
      Rig rig = new Rig(rule);
      assertThat(only(day(rig, 801)).evaluation().text()).isEqualTo("change -19.9%, not ≤ -20%");
      assertThat(rig.events).isEmpty();
    }

    @Test
    void down_exactly_20_percent_fires_because_or_more_is_inclusive() {
      Rig rig = new Rig(rule);
      assertThat(only(day(rig, 800)).evaluation().text()).isEqualTo("change -20% ≤ -20%");
      assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED);
    }

    @Test
    void down_20_1_percent_fires() {
      Rig rig = new Rig(rule);
      day(rig, 799);
      assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED);
    }

    @Test
    void without_a_previous_week_there_is_no_baseline_and_no_alert() {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.USERS_ACTIVE_DAILY, NO_TAGS, today, 10);
      AlertStatus status = only(rig.evaluate(today));
      assertThat(status.evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
      assertThat(status.evaluation().text()).startsWith("no baseline");
      assertThat(rig.events).isEmpty();
    }

    @Test
    void no_reading_today_is_no_data_not_a_100_percent_drop() {
      Rig rig = new Rig(rule);
      for (int d = 1; d <= 7; d++) {
        rig.value(MetricNames.USERS_ACTIVE_DAILY, NO_TAGS, T0.plus(Duration.ofDays(d)), 1000);
      }
      assertThat(only(rig.evaluate(today.plus(Duration.ofHours(1)))).evaluation().outcome())
          .isEqualTo(Outcome.NO_DATA);
      assertThat(rig.events).isEmpty();
    }
  }

  @Nested
  class InstagramQuota {
    private final AlertRule rule = DefaultAlertRules.INSTAGRAM_QUOTA;

    private Rig reading(double usage) {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, NO_TAGS, minutes(10), usage);
      rig.evaluate(minutes(11));
      return rig;
    }

    @Test
    void below_at_and_above_80_percent() {
      assertThat(reading(0.79).events).isEmpty();
      assertThat(reading(0.80).events).isEmpty();
      assertThat(reading(0.81).kinds()).containsExactly(AlertEvent.Kind.FIRED);
    }

    @Test
    void the_latest_reading_wins_over_earlier_ones() {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, NO_TAGS, minutes(10), 0.95);
      rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, NO_TAGS, minutes(20), 0.5);
      rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, NO_TAGS, minutes(15), 0.99);
      assertThat(only(rig.evaluate(minutes(21))).evaluation().text()).startsWith("latest 0.5");
    }

    @Test
    void no_reading_in_the_last_hour_is_no_data() {
      Rig rig = new Rig(rule);
      rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, NO_TAGS, T0, 0.99);
      assertThat(only(rig.evaluate(minutes(61))).evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
    }
  }

  @Nested
  class Security {
    private final AlertRule rule = DefaultAlertRules.SECURITY;

    private Rig anomalies(long count) {
      Rig rig = new Rig(rule);
      rig.events(MetricNames.SECURITY_LOGIN_ANOMALIES, NO_TAGS, minutes(1), (int) count);
      rig.evaluate(minutes(2));
      return rig;
    }

    @Test
    void no_anomaly_reported_stays_quiet_one_or_more_fire() {
      assertThat(anomalies(0).events).isEmpty();
      assertThat(anomalies(1).kinds()).containsExactly(AlertEvent.Kind.FIRED);
      assertThat(anomalies(2).kinds()).containsExactly(AlertEvent.Kind.FIRED);
    }

    @Test
    void a_reported_zero_is_clear_but_no_report_is_no_data() {
      assertThat(only(new Rig(rule).evaluate(T0)).evaluation().outcome())
          .isEqualTo(Outcome.NO_DATA);
      Rig zero = anomalies(0);
      assertThat(only(zero.evaluate(minutes(2))).evaluation().outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void it_resolves_once_the_anomaly_leaves_the_window_and_a_clear_report_comes() {
      Rig rig = anomalies(1);
      rig.events(MetricNames.SECURITY_LOGIN_ANOMALIES, NO_TAGS, minutes(7), 0);
      rig.evaluate(minutes(7));
      assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED, AlertEvent.Kind.RESOLVED);
    }
  }
}
