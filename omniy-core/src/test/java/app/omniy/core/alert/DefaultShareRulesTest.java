package app.omniy.core.alert;

import static app.omniy.core.alert.Rig.T0;
import static app.omniy.core.alert.Rig.minutes;
import static app.omniy.core.alert.Rig.only;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Evaluation.Outcome;
import app.omniy.core.metrics.MetricNames;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's failure-share rules (ALERT-C1 … C4, W4) just below, at and above their thresholds,
 * with too little data and with none (ALERT-1: strict "&gt;", no data is never 0%).
 */
class DefaultShareRulesTest {
  private static final Map<String, String> FAILED = Map.of("outcome", "failure");
  private static final Map<String, String> OK = Map.of("outcome", "success");

  /** rule, failing tags, succeeding tags, threshold in percent. */
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            DefaultAlertRules.SERVICE_DOWN, Map.of("status", "503"), Map.of("status", "200"), 10),
        Arguments.of(DefaultAlertRules.PAYMENTS, FAILED, OK, 5),
        Arguments.of(DefaultAlertRules.DATABASE, FAILED, OK, 3),
        Arguments.of(DefaultAlertRules.MASS_POST_FAILURE, FAILED, OK, 20),
        Arguments.of(DefaultAlertRules.AUTH_ERRORS, FAILED, OK, 15));
  }

  private static AlertEvaluation share(
      Rig rig, AlertRule rule, Map<String, String> failed, Map<String, String> ok, int failures) {
    String metric = rule.condition().metric();
    rig.events(metric, failed, minutes(1), failures).events(metric, ok, minutes(1), 100 - failures);
    return rig.evaluate(minutes(2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void one_point_below_the_threshold_stays_quiet(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    AlertStatus status = only(share(rig, rule, failed, ok, percent - 1));

    assertThat(status.evaluation().outcome()).isEqualTo(Outcome.CLEAR);
    assertThat(status.phase()).isEqualTo(AlertPhase.INACTIVE);
    assertThat(rig.events).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void exactly_at_the_threshold_does_not_fire_because_shares_compare_strictly(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    AlertStatus status = only(share(rig, rule, failed, ok, percent));

    assertThat(status.evaluation().outcome()).isEqualTo(Outcome.CLEAR);
    assertThat(status.evaluation().value()).isEqualByComparingTo(BigDecimal.valueOf(percent, 2));
    assertThat(status.evaluation().text()).contains(percent + "% (" + percent + " of 100), not >");
    assertThat(rig.events).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void one_point_above_the_threshold_fires_once_on_the_rules_channels(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    AlertStatus status = only(share(rig, rule, failed, ok, percent + 1));
    rig.evaluate(minutes(3));

    assertThat(status.phase()).isEqualTo(AlertPhase.FIRING);
    assertThat(rig.kinds()).containsExactly(AlertEvent.Kind.FIRED);
    AlertEvent fired = rig.events.get(0);
    assertThat(fired.rule().id()).isEqualTo(rule.id());
    assertThat(fired.channels()).isEqualTo(rule.channels());
    assertThat(fired.firingSince()).isEqualTo(minutes(2));
    assertThat(fired.evaluation().text()).startsWith((percent + 1) + "% (" + (percent + 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void fewer_events_than_the_minimum_never_fire_and_say_too_little_data(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    int tooFew = (int) rule.condition().minSamples() - 1;
    rig.events(rule.condition().metric(), failed, minutes(1), tooFew);

    AlertStatus status = only(rig.evaluate(minutes(2)));

    assertThat(status.evaluation().outcome()).isEqualTo(Outcome.TOO_LITTLE_DATA);
    assertThat(status.evaluation().text())
        .startsWith("too little data: " + tooFew + " of " + rule.condition().minSamples());
    assertThat(rig.events).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void no_events_at_all_is_no_data_never_zero_percent(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    rig.events(rule.condition().metric(), ok, minutes(1), 0);

    AlertStatus status = only(rig.evaluate(minutes(2)));

    assertThat(status.evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(status.evaluation().value()).isNull();
    assertThat(status.evaluation().text()).startsWith("no data").doesNotContain("0%");
    assertThat(rig.events).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void events_older_than_the_window_do_not_count(
      AlertRule rule, Map<String, String> failed, Map<String, String> ok, int percent) {
    Rig rig = new Rig(rule);
    rig.events(rule.condition().metric(), failed, T0, 100);

    AlertStatus status = only(rig.evaluate(T0.plus(rule.condition().over())));

    assertThat(status.evaluation().outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(rig.events).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void service_down_reads_the_status_tag_of_the_standard_http_timer() {
    assertThat(DefaultAlertRules.SERVICE_DOWN.condition().metric())
        .isEqualTo(MetricNames.HTTP_SERVER_REQUESTS);
    Rig rig = new Rig(DefaultAlertRules.SERVICE_DOWN);
    rig.events(MetricNames.HTTP_SERVER_REQUESTS, Map.of("status", "404"), minutes(1), 50)
        .events(MetricNames.HTTP_SERVER_REQUESTS, Map.of("status", "500"), minutes(1), 6)
        .events(MetricNames.HTTP_SERVER_REQUESTS, Map.of("status", "502"), minutes(1), 6);

    AlertStatus status = only(rig.evaluate(minutes(2)));

    assertThat(status.evaluation().text()).startsWith("19.3548% (12 of 62) > 10%");
    assertThat(status.phase()).isEqualTo(AlertPhase.FIRING);
  }
}
