package app.omniy.core.alert.spi;

import app.omniy.core.alert.AlertRule;
import java.util.List;

/**
 * Where a running alert engine takes its rules from when they can change while it runs, e.g. a rule
 * file reloaded on demand ({@code app.omniy.files.ReloadableRules}). The engine asks for a reload
 * once per cycle; a source that rejects new rules keeps the previous ones in force (ALERT-4).
 */
public interface AlertRuleSource {
  /** The rules in force now. */
  List<AlertRule> current();

  /**
   * Looks for new rules.
   *
   * @return whether new rules are now in force; false when unchanged or rejected
   */
  boolean reloadIfChanged();
}
