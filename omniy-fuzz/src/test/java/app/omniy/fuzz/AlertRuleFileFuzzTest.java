package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertRule;
import app.omniy.files.RuleFiles;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Alert-rule YAML (ALERT-*): any bytes either become rules or an {@code InvalidFileException} /
 * {@code FileProblemsException}; seeds are the shipped rule files' shapes.
 */
class AlertRuleFileFuzzTest {
  private static final Path FILE = Path.of("rules.yaml");

  @FuzzTest(maxDuration = "10s")
  void rule_files_are_parsed_or_refused_with_a_documented_error(byte[] content) {
    List<AlertRule> rules = new ArrayList<>();
    boolean accepted = Documented.accepts(() -> rules.addAll(RuleFiles.parse(FILE, content)));
    if (accepted) {
      assertThat(rules).doesNotContainNull();
    }
  }
}
