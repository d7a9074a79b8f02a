package app.omniy.core.alert;

import static app.omniy.core.alert.AlertEvent.Kind.ESCALATED;
import static app.omniy.core.alert.AlertEvent.Kind.FIRED;
import static app.omniy.core.alert.AlertEvent.Kind.REPEATED;
import static app.omniy.core.alert.AlertEvent.Kind.RESOLVED;
import static app.omniy.core.alert.Rig.T0;
import static app.omniy.core.alert.Rig.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.metrics.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * ALERT-2's added decision: a firing alert resolves when its condition stops holding (unless
 * keep-firing-for), repeats and escalations only while it holds, absent data is a problem only by
 * opt-in; ALERT-5's cadence per rule; ALERT-I2 per account.
 */
class AlertResolveTest {
  private static final Map<String, String> FAILED = Map.of("outcome", "failure");
  private static final Map<String, String> OK = Map.of("outcome", "success");
  private static final String GAUGE = "test.gauge";

  /** Feeds the evaluator as a runtime does and evaluates the due rules every minute. */
  private static void minuteByMinute(Rig rig, long from, long to, Feed feed) {
    for (long m = from; m <= to; m++) {
      feed.at(m);
      rig.events.addAll(rig.evaluator.evaluateDue(minutes(m)).events());
    }
  }

  private interface Feed {
    void at(long minute);
  }

  @Nested
  class TakeOver {
    @Test
    void a_new_evaluator_does_not_resolve_a_firing_alert_for_lack_of_data_it_never_watched() {
      // ALERT-C1 fires on one evaluator; a runtime that takes over starts with empty windows.
      Rig first = new Rig(DefaultAlertRules.SERVICE_DOWN);
      Map<String, String> down = Map.of("status", "503");
      minuteByMinute(
          first, 1, 10, m -> first.events(MetricNames.HTTP_SERVER_REQUESTS, down, minutes(m), 12));
      assertThat(first.kinds()).containsExactly(FIRED);

      Rig second = new Rig(first.store, DefaultAlertRules.SERVICE_DOWN);
      minuteByMinute(
          second,
          11,
          30,
          m ->
              second.events(
                  MetricNames.HTTP_SERVER_REQUESTS,
                  m < 20 ? down : Map.of("status", "200"),
                  minutes(m),
                  12));

      // 12 of 20 samples at its first evaluation said nothing: it stays firing (escalated at its
      // 15-minute deadline, still holding) and resolves once the outage has ended, never re-fires.
      assertThat(second.kinds()).containsExactly(ESCALATED, RESOLVED);
      assertThat(second.events.get(1).at()).isAfter(minutes(20));
    }
  }

  @Nested
  class MassPostFailureAtLowTraffic {
    /**
     * ALERT-C4 (5 attempts in 15 min): a 10-minute burst of failures, then one successful attempt
     * every 10 minutes — the case that used to stay firing forever and escalate by SMS on "too
     * little data".
     */
    private Rig burstThenTrickle(long until) {
      Rig rig = new Rig(DefaultAlertRules.MASS_POST_FAILURE);
      minuteByMinute(
          rig,
          0,
          until,
          m -> {
            if (m < 10) {
              rig.events(MetricNames.POST_ATTEMPTS, FAILED, minutes(m), 2);
            } else if (m % 10 == 0) {
              rig.events(MetricNames.POST_ATTEMPTS, OK, minutes(m), 1);
            }
          });
      return rig;
    }

    @Test
    void resolves_within_one_window_of_the_failures_stopping_and_never_escalates() {
      Rig rig = burstThenTrickle(6 * 60);

      assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
      AlertEvent resolved = rig.events.get(1);
      // The last failures, at minute 9, stop counting with the 15-minute window; two of them and
      // two successes are 4 attempts, fewer than 5.
      assertThat(resolved.at()).isEqualTo(minutes(23)).isBefore(minutes(10 + 15));
      assertThat(resolved.reason())
          .isEqualTo("not enough data to confirm: 4 of 5 samples in the last 15m");
      assertThat(rig.events)
          .extracting(AlertEvent::reason)
          .noneMatch(reason -> reason.startsWith("too little data"));
    }

    @Test
    void a_real_burst_two_days_later_fires_again_and_notifies() {
      Rig rig = burstThenTrickle(2 * 24 * 60);
      long burst = 2 * 24 * 60 + 1;

      minuteByMinute(
          rig,
          burst,
          burst + 15,
          m -> {
            if (m == burst) {
              rig.events(MetricNames.POST_ATTEMPTS, FAILED, minutes(m), 50);
              rig.events(MetricNames.POST_ATTEMPTS, OK, minutes(m), 1);
            }
          });

      assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED, FIRED, RESOLVED);
      assertThat(rig.events.get(2).at()).isEqualTo(minutes(burst));
      // 50 of 51 failing, with the trickle's two successes of the last 15 minutes.
      assertThat(rig.events.get(2).reason()).isEqualTo("94.3396% (50 of 53) > 20%");
      // The burst leaves the 15-minute window and nothing came after it.
      assertThat(rig.events.get(3).at()).isEqualTo(minutes(burst + 15));
      assertThat(rig.events.get(3).reason())
          .isEqualTo("not enough data to confirm: no data in the last 15m");
    }
  }

  @Nested
  class ResolveNotices {
    private final AlertRule share =
        AlertRule.builder("T-SHARE")
            .metric("test.events")
            .aggregation(new Aggregation.ShareOf(TagFilter.of("outcome", "failure")))
            .when(Comparison.ABOVE, "0.5")
            .minSamples(3)
            .channels(Channel.EMAIL)
            .respondWithin(Duration.ofMinutes(15))
            .build();

    @Test
    void a_clear_window_resolves_saying_clear_and_what_it_found() {
      Rig rig = new Rig(share);
      rig.events("test.events", FAILED, T0, 3);
      rig.evaluate(T0);
      rig.events("test.events", OK, minutes(6), 3);
      rig.evaluate(minutes(6));

      assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
      assertThat(rig.events.get(1).reason()).isEqualTo("clear: 0% (0 of 3), not > 50%");
      assertThat(rig.events.get(1).summary())
          .isEqualTo("RESOLVED T-SHARE warning T-SHARE: clear: 0% (0 of 3), not > 50%");
    }

    @Test
    void a_fired_notice_gives_the_finding_unchanged() {
      Rig rig = new Rig(share);
      rig.events("test.events", FAILED, T0, 3);
      rig.evaluate(T0);

      assertThat(rig.events.get(0).reason()).isEqualTo("100% (3 of 3) > 50%");
    }
  }

  @Nested
  class KeepFiringFor {
    /** gauge > 0.5, keep firing 30 min, respond within 15 min, repeat every 10 min. */
    private final AlertRule kept =
        AlertRule.builder("T-KEEP")
            .metric(GAUGE)
            .when(Comparison.ABOVE, "0.5")
            .over(Duration.ofMinutes(1))
            .keepFiringFor(Duration.ofMinutes(30))
            .channels(Channel.SLACK)
            .respondWithin(Duration.ofMinutes(15))
            .repeatInterval(Duration.ofMinutes(10))
            .build();

    @Test
    void a_gap_shorter_than_keep_firing_for_keeps_it_firing_without_repeats_or_escalation() {
      Rig rig = new Rig(kept);
      rig.value(GAUGE, Map.of(), T0, 0.9);
      rig.evaluate(T0);
      // No data from minute 2 on: the condition no longer holds, past the deadline (15 min) and
      // the repeat interval (10 min), yet nothing is sent.
      for (long m = 2; m < 30; m++) {
        assertThat(Rig.only(rig.evaluate(minutes(m))).phase()).isEqualTo(AlertPhase.FIRING);
      }
      assertThat(rig.kinds()).containsExactly(FIRED);

      rig.evaluate(minutes(30));

      assertThat(rig.kinds()).containsExactly(FIRED, RESOLVED);
      assertThat(rig.events.get(1).at()).isEqualTo(minutes(30));
    }

    @Test
    void holding_again_within_keep_firing_for_escalates_then_because_it_is_a_problem_again() {
      Rig rig = new Rig(kept);
      rig.value(GAUGE, Map.of(), T0, 0.9);
      rig.evaluate(T0);
      rig.evaluate(minutes(20)); // gap past the deadline: quiet
      rig.value(GAUGE, Map.of(), minutes(21), 0.9);
      rig.evaluate(minutes(21));

      assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED);
      // Counted again from minute 21, when it last held.
      rig.evaluate(minutes(50));
      assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED);
      rig.evaluate(minutes(51));
      assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED, RESOLVED);
    }

    @Test
    void a_negative_keep_firing_for_is_refused_naming_the_field() {
      assertThatThrownBy(
              () ->
                  AlertRule.builder("X")
                      .metric(GAUGE)
                      .channels(Channel.SLACK)
                      .keepFiringFor(Duration.ofMinutes(-1))
                      .build())
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("keep-firing-for"));
    }
  }

  @Nested
  class RepeatsOnlyWhileHolding {
    private final AlertRule rule =
        AlertRule.builder("T-REPEAT")
            .metric(GAUGE)
            .when(Comparison.ABOVE, "0.5")
            .over(Duration.ofMinutes(5))
            .minSamples(3)
            .keepFiringFor(Duration.ofHours(12))
            .channels(Channel.SLACK)
            .respondWithin(Duration.ofDays(1))
            .repeatInterval(Duration.ofHours(1))
            .build();

    @Test
    void too_little_data_is_never_repeated_as_if_it_were_the_problem() {
      Rig rig = new Rig(rule);
      for (long m = 0; m < 3; m++) {
        rig.value(GAUGE, Map.of(), minutes(m), 0.9);
      }
      rig.evaluate(minutes(2));
      // One reading every 10 minutes: too little data at every evaluation for 3 hours.
      for (long m = 10; m <= 180; m++) {
        if (m % 10 == 0) {
          rig.value(GAUGE, Map.of(), minutes(m), 0.9);
        }
        rig.evaluate(minutes(m));
      }

      assertThat(rig.kinds()).containsExactly(FIRED);
    }

    @Test
    void a_condition_holding_all_along_repeats_at_its_interval() {
      Rig rig = new Rig(rule);
      for (long m = 0; m <= 125; m++) {
        rig.value(GAUGE, Map.of(), minutes(m), 0.9);
        rig.evaluate(minutes(m));
      }

      assertThat(rig.kinds()).containsExactly(FIRED, REPEATED, REPEATED);
    }
  }

  @Nested
  class OnNoData {
    private AlertRule heartbeat(NoDataPolicy policy) {
      return AlertRule.builder("T-BEAT")
          .metric("test.heartbeat")
          .aggregation(new Aggregation.Occurrence())
          .when(Comparison.AT_LEAST, "1")
          .over(Duration.ofMinutes(5))
          .onNoData(policy)
          .channels(Channel.SMS)
          .respondWithin(Duration.ofMinutes(10))
          .build();
    }

    @Test
    void a_rule_that_alerts_on_no_data_fires_when_its_meter_goes_silent_and_escalates() {
      Rig rig = new Rig(heartbeat(NoDataPolicy.ALERT));

      rig.evaluate(T0);
      rig.evaluate(minutes(11));

      assertThat(rig.kinds()).containsExactly(FIRED, ESCALATED);
      assertThat(rig.events.get(0).reason()).isEqualTo("no data in the last 5m");
    }

    @Test
    void by_default_no_data_never_fires() {
      Rig rig = new Rig(heartbeat(NoDataPolicy.IGNORE));

      rig.evaluate(T0);
      rig.evaluate(minutes(11));

      assertThat(rig.kinds()).isEmpty();
      assertThat(DefaultAlertRules.all()).allMatch(r -> r.onNoData() == NoDataPolicy.IGNORE);
    }
  }

  @Nested
  class Cadence {
    @Test
    void each_rule_is_evaluated_on_its_own_interval() {
      AlertRule everyMinute =
          AlertRule.builder("T-1M")
              .metric(GAUGE)
              .channels(Channel.SLACK)
              .every(MonitoringLayer.INFRASTRUCTURE)
              .build();
      AlertRule everyTen =
          AlertRule.builder("T-10M")
              .metric(GAUGE)
              .channels(Channel.SLACK)
              .every(MonitoringLayer.BUSINESS)
              .build();
      Rig rig = new Rig(everyMinute, everyTen);
      int[] evaluated = new int[2];
      for (long s = 0; s < 30 * 60; s += 20) {
        for (AlertStatus status : rig.evaluator.evaluateDue(T0.plusSeconds(s)).statuses()) {
          evaluated[status.key().ruleId().equals("T-1M") ? 0 : 1]++;
        }
      }

      assertThat(evaluated).containsExactly(30, 3);
      assertThat(rig.evaluator.evaluate(minutes(30).plusSeconds(1)).statuses()).hasSize(2);
    }

    @Test
    void the_default_rules_follow_the_guides_layers() {
      assertThat(DefaultAlertRules.SERVICE_DOWN.every()).isEqualTo(Duration.ofSeconds(10));
      assertThat(DefaultAlertRules.MASS_POST_FAILURE.every()).isEqualTo(Duration.ofSeconds(10));
      assertThat(DefaultAlertRules.CPU.every()).isEqualTo(Duration.ofMinutes(1));
      assertThat(DefaultAlertRules.STORAGE.every()).isEqualTo(Duration.ofMinutes(1));
      assertThat(DefaultAlertRules.INSTAGRAM_QUOTA.every()).isEqualTo(Duration.ofMinutes(5));
      assertThat(DefaultAlertRules.DAU_DROP.every()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void an_interval_outside_one_second_to_one_day_is_refused() {
      for (Duration every : List.of(Duration.ofMillis(999), Duration.ofDays(2))) {
        assertThatThrownBy(
                () ->
                    AlertRule.builder("X")
                        .metric(GAUGE)
                        .channels(Channel.SLACK)
                        .every(every)
                        .build())
            .isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("every"));
      }
    }
  }

  @Nested
  class Runbooks {
    @Test
    void every_default_rule_carries_the_guides_first_steps() {
      assertThat(DefaultAlertRules.all())
          .allSatisfy(rule -> assertThat(rule.runbook().steps()).hasSizeBetween(2, 4));
      assertThat(DefaultAlertRules.SERVICE_DOWN.runbook().text())
          .startsWith("1. Check the health endpoint")
          .contains("3. Mitigate first (INC-4): roll back");
    }

    @Test
    void a_runbook_url_must_be_absolute_http() {
      assertThatThrownBy(() -> Runbook.of("x").withUrl(java.net.URI.create("file:///etc/passwd")))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("runbook.url"));
      assertThat(
              Runbook.of("Check the dashboard.")
                  .withUrl(java.net.URI.create("https://wiki.example/c1"))
                  .text())
          .isEqualTo("1. Check the dashboard.\nhttps://wiki.example/c1\n");
    }
  }

  @Nested
  class InstagramQuotaPerAccount {
    @Test
    void each_account_is_its_own_alert_read_against_its_own_limit() {
      Rig rig = new Rig(DefaultAlertRules.INSTAGRAM_QUOTA);
      Map<String, String> busy = Map.of(MetricNames.TAG_ACCOUNT, "17841400000000001");
      Map<String, String> quiet = Map.of(MetricNames.TAG_ACCOUNT, "17841400000000002");
      for (long m = 0; m <= 60; m++) {
        Instant at = minutes(m);
        // Read in alternating order: whichever is read last must not matter.
        if (m % 2 == 0) {
          rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, busy, at, 0.95);
          rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, quiet, at, 0.10);
        } else {
          rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, quiet, at, 0.10);
          rig.value(MetricNames.INSTAGRAM_QUOTA_USAGE, busy, at, 0.95);
        }
        rig.events.addAll(rig.evaluator.evaluateDue(at).events());
      }

      assertThat(rig.kinds()).containsExactly(FIRED);
      AlertEvent fired = rig.events.get(0);
      assertThat(fired.key().labels()).containsExactly(Map.entry("account", "17841400000000001"));
      assertThat(fired.summary())
          .isEqualTo("FIRED ALERT-I2{account=17841400000000001} info 外部API制限接近: latest 0.95 > 0.8");
      AlertEvaluation last = rig.evaluator.evaluate(minutes(61));
      assertThat(last.statuses())
          .extracting(s -> s.key().labels().get("account") + " " + s.phase())
          .containsExactlyInAnyOrder("17841400000000001 FIRING", "17841400000000002 INACTIVE");
    }
  }
}
