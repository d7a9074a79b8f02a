package app.omniy.core.alert.silence;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inhibition (ALERT-2, the Alertmanager model): while an alert matching {@code source} fires,
 * the notifications of the alerts matching {@code target} are not sent. The default: the service
 * down (ALERT-C1) inhibits high API latency (ALERT-W1) and the slow external API (ALERT-W4), which
 * follow from it ({@link #DEFAULTS}).
 *
 * @param source matchers on the firing alert ({@code id} on the rule id, other names on labels)
 * @param target matchers on the alerts it mutes
 * @param equal label names whose values must be the same on source and target (empty: any)
 */
public record Inhibition(
    Map<String, String> source, Map<String, String> target, List<String> equal) {

  /** ALERT-C1 inhibits ALERT-W1 and ALERT-W4. */
  public static final List<Inhibition> DEFAULTS =
      List.of(
          new Inhibition(Map.of("id", "ALERT-C1"), Map.of("id", "ALERT-W1"), List.of()),
          new Inhibition(Map.of("id", "ALERT-C1"), Map.of("id", "ALERT-W4"), List.of()));

  /**
   * @throws InvalidValueException naming {@code source} or {@code target} when missing, empty or
   *     with a matcher without a name or value, or {@code equal} with a blank name
   */
  public Inhibition {
    source = Matchers.check(source, "source");
    target = Matchers.check(target, "target");
    if (source.isEmpty()) {
      throw new InvalidValueException("source", source, "needs at least one matcher");
    }
    if (target.isEmpty()) {
      throw new InvalidValueException("target", target, "needs at least one matcher");
    }
    Require.nonNull(equal, "equal");
    for (String name : equal) {
      Require.nonBlank(name, "equal");
    }
    equal = List.copyOf(equal);
  }

  /** Whether {@code firing}, a firing alert, mutes {@code alert}; an alert never mutes itself. */
  public boolean inhibits(AlertKey firing, AlertKey alert) {
    if (firing.equals(alert)
        || !Matchers.matches(source, firing)
        || !Matchers.matches(target, alert)) {
      return false;
    }
    for (String name : equal) {
      if (!Objects.equals(firing.labels().get(name), alert.labels().get(name))) {
        return false;
      }
    }
    return true;
  }
}
