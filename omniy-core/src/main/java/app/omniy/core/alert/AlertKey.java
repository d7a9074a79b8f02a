package app.omniy.core.alert;

import app.omniy.core.Require;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of one alert: its rule and its labels. Alerts with the same key are the same alert,
 * which is what de-duplicates notifications (ALERT-2).
 *
 * @param ruleId the rule's ID
 * @param labels the rule's labels plus the values of its group-by tags
 */
public record AlertKey(String ruleId, Map<String, String> labels) {
  public AlertKey {
    Require.nonBlank(ruleId, "ruleId");
    labels = Map.copyOf(Require.nonNull(labels, "labels"));
  }

  /** {@code ALERT-C1} or {@code ALERT-C1{account=a1}}, labels sorted. */
  @Override
  public String toString() {
    return labels.isEmpty() ? ruleId : ruleId + new TreeMap<>(labels);
  }
}
