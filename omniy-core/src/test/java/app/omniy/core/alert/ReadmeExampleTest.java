package app.omniy.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippet in docs/alerts.md, compiled and run. */
class ReadmeExampleTest {
  @Test
  void the_documented_snippet_fires_alert_c4() {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    List<String> printed = new ArrayList<>();

    AlertEvaluator evaluator =
        AlertEvaluator.create(DefaultAlertRules.all(), InMemoryStores.alertStates());
    evaluator.increment(MetricNames.POST_ATTEMPTS, Map.of("outcome", "failure"), now, 3);
    evaluator.increment(MetricNames.POST_ATTEMPTS, Map.of("outcome", "success"), now, 7);
    AlertEvaluation result = evaluator.evaluate(now);
    result.events().forEach(event -> printed.add(event.summary()));

    assertThat(printed).containsExactly("FIRED ALERT-C4 critical 投稿実行大量失敗: 30% (3 of 10) > 20%");
    assertThat(result.statuses())
        .filteredOn(s -> s.key().ruleId().equals("ALERT-C1"))
        .singleElement()
        .satisfies(s -> assertThat(s.evaluation().text()).isEqualTo("no data in the last 5m"));
  }
}
