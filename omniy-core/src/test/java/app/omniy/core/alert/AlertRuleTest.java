package app.omniy.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

  private static AlertRule.Builder valid() {
    return AlertRule.builder("X-1").metric("m").channels(Channel.SLACK);
  }

  private static void rejects(AlertRule.Builder builder, String field) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void the_builder_rejects_each_bad_setting_naming_its_field() {
    rejects(valid().metric(" "), "metric");
    rejects(valid().channels(), "notify");
    rejects(valid().over(Duration.ofMillis(500)), "over");
    rejects(valid().sustainedFor(Duration.ofMinutes(-1)), "for");
    rejects(valid().minSamples(0), "min-samples");
    rejects(valid().respondWithin(Duration.ZERO), "respond-within");
    rejects(valid().repeatInterval(Duration.ZERO), "repeat-every");
    Duration tooLong = AlertCondition.MAX_DURATION.plusSeconds(1);
    rejects(valid().over(tooLong), "over");
    rejects(valid().sustainedFor(tooLong), "for");
    rejects(valid().respondWithin(tooLong), "respond-within");
    rejects(valid().repeatInterval(Duration.ofDays(Long.MAX_VALUE / 86_400)), "repeat-every");
    rejects(
        valid().aggregation(new Aggregation.ChangeVsBaseline(Duration.ofSeconds(Long.MAX_VALUE))),
        "change-vs");
    rejects(
        valid()
            .over(Duration.ofHours(1))
            .aggregation(new Aggregation.ChangeVsBaseline(Duration.ofHours(9))),
        "change-vs");
    rejects(valid().when(Comparison.ABOVE, (BigDecimal) null), "threshold");
    rejects(valid().when(Comparison.ABOVE, new BigDecimal("1e-999")), "threshold");
    rejects(valid().when(Comparison.ABOVE, new BigDecimal("1e999999999")), "threshold");
    assertThatThrownBy(() -> valid().when(Comparison.ABOVE, "ten percent"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("threshold = 'ten percent': is not a decimal number");
    assertThatThrownBy(() -> new Aggregation.Percentile(new BigDecimal("1e-999999999")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("1e-999999999"));
    assertThatThrownBy(() -> new Aggregation.Percentile(BigDecimal.valueOf(101)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("percentile"));
  }

  @Test
  void a_channel_given_twice_is_notified_once() {
    AlertRule rule = valid().channels(Channel.SMS, Channel.SLACK, Channel.SMS).build();

    assertThat(rule.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.SLACK);
  }

  @Test
  void channels_keep_enum_order_and_labels_the_order_they_were_given() {
    // Set.copyOf and Map.copyOf iterate in an order that changes from one JVM to the next;
    // notifications list these, so a rule keeps a stable order.
    AlertRule rule =
        valid()
            .channels(Channel.WEBHOOK, Channel.EMAIL, Channel.SLACK)
            .label("team", "ops")
            .label("env", "prod")
            .label("area", "posts")
            .build();

    assertThat(rule.channels()).containsExactly(Channel.SLACK, Channel.EMAIL, Channel.WEBHOOK);
    assertThat(rule.labels().keySet()).containsExactly("team", "env", "area");
    assertThat(Channel.ESCALATION).containsExactly(Channel.SLACK, Channel.SMS, Channel.EMAIL);
  }

  @Test
  void a_label_without_a_value_is_rejected_naming_it() {
    Map<String, String> labels = new java.util.HashMap<>();
    labels.put("team", null);
    AlertRule rule = valid().build();

    assertThatThrownBy(
            () ->
                new AlertRule(
                    rule.id(),
                    rule.name(),
                    rule.severity(),
                    rule.condition(),
                    rule.channels(),
                    rule.respondWithin(),
                    rule.repeatInterval(),
                    labels))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("labels.team"));
  }

  @Test
  void two_rules_with_one_id_are_rejected() {
    AlertRule rule = valid().build();
    assertThatThrownBy(
            () -> AlertEvaluator.create(List.of(rule, rule), InMemoryStores.alertStates()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("X-1"));
  }

  @Test
  void a_rule_describes_itself_in_one_line() {
    assertThat(DefaultAlertRules.SERVICE_DOWN.describe())
        .isEqualTo(
            "ALERT-C1 critical サービス停止: share of {status=5xx} of http.server.requests > 10%"
                + " over 5m, at least 20 samples; notify slack, sms, email; respond within 15m;"
                + " every 10s");
    assertThat(DefaultAlertRules.SLOW_API.condition().describe())
        .isEqualTo("p95 of http.server.requests > 2 over 5m for 15m, at least 20 samples");
    assertThat(DefaultAlertRules.DAU_DROP.condition().describe())
        .startsWith("change vs the previous 7d mean of omniy.users.active.daily ≤ -20% over 1d");
  }

  @Test
  void
      the_default_set_has_the_guides_eleven_rules_mnt_3s_and_sup_1s_with_their_channels_and_deadlines() {
    Map<String, String> summary =
        DefaultAlertRules.all().stream()
            .collect(
                Collectors.toMap(
                    AlertRule::id,
                    r ->
                        r.severity()
                            + " "
                            + r.channels().stream().sorted().toList()
                            + " "
                            + AlertCondition.words(r.respondWithin())));

    assertThat(summary)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("ALERT-C1", "CRITICAL [SLACK, SMS, EMAIL] 15m"),
                Map.entry("ALERT-C2", "CRITICAL [SLACK, SMS, EMAIL] 10m"),
                Map.entry("ALERT-C3", "CRITICAL [SLACK, SMS] 20m"),
                Map.entry("ALERT-C4", "CRITICAL [SLACK, EMAIL] 30m"),
                Map.entry("ALERT-W1", "WARNING [SLACK] 1h"),
                Map.entry("ALERT-W2", "WARNING [SLACK] 1h"),
                Map.entry("ALERT-W3", "WARNING [EMAIL] 1h"),
                Map.entry("ALERT-W4", "WARNING [SLACK] 1h"),
                Map.entry("ALERT-I1", "INFO [EMAIL] 1d"),
                Map.entry("ALERT-I2", "INFO [EMAIL] 1d"),
                Map.entry("ALERT-I3", "INFO [SLACK, EMAIL] 1d"),
                Map.entry("MNT-3", "WARNING [SLACK, EMAIL] 1h"),
                Map.entry("SUP-1", "WARNING [SLACK, EMAIL] 1h")));
  }

  @Test
  void every_default_rule_reads_a_named_meter() {
    assertThat(DefaultAlertRules.all())
        .allSatisfy(r -> assertThat(MetricNames.all()).contains(r.condition().metric()));
    assertThat(MetricNames.all())
        .filteredOn(name -> !name.startsWith("omniy."))
        .containsExactly(
            "http.server.requests",
            "system.cpu.usage",
            "process.cpu.usage",
            "disk.free",
            "disk.total");
  }

  @Test
  void tag_patterns_match_status_classes_alternatives_and_any_value() {
    assertThat(TagFilter.of("status", "5xx").matches(Map.of("status", "503"))).isTrue();
    assertThat(TagFilter.of("status", "5xx").matches(Map.of("status", "404"))).isFalse();
    assertThat(TagFilter.of("status", "5xx").matches(Map.of())).isFalse();
    assertThat(TagFilter.of("outcome", "failure|error").matches(Map.of("outcome", "error")))
        .isTrue();
    assertThat(TagFilter.of("uri", "*").matches(Map.of("uri", "/a"))).isTrue();
    assertThat(TagFilter.ANY.matches(Map.of())).isTrue();
  }
}
