package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.alert.AlertRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALERT-4: a bad file never replaces good rules. */
class ReloadableRulesTest {
  @TempDir Path dir;

  private static final String ONE =
      "info:\n  a:\n    id: A\n    metric: m\n    above: 1\n    notify: [email]\n"
          + "    respond-within: 1h\n";
  private static final String TWO =
      ONE
          + "  b:\n    id: B\n    metric: m\n    above: 2\n    notify: [email]\n"
          + "    respond-within: 1h\n";

  @Test
  void a_bad_file_keeps_the_previous_rules_and_says_why_until_a_good_one_comes()
      throws IOException {
    Path file = dir.resolve("alerts.yaml");
    Files.writeString(file, ONE);
    ReloadableRules rules = ReloadableRules.load(file);
    assertThat(rules.current()).extracting(AlertRule::id).containsExactly("A");

    Files.writeString(file, TWO.replace("above: 2", "above: lots"));
    assertThat(rules.reloadIfChanged()).isFalse();
    assertThat(rules.current()).extracting(AlertRule::id).containsExactly("A");
    assertThat(rules.lastRejection().orElseThrow().getMessage())
        .contains("info.b.above: 'lots' must be a number");

    Files.writeString(file, TWO);
    assertThat(rules.reloadIfChanged()).isTrue();
    assertThat(rules.current()).extracting(AlertRule::id).containsExactly("A", "B");
    assertThat(rules.lastRejection()).isEmpty();
    assertThat(rules.reloadIfChanged()).isFalse();
  }

  @Test
  void a_deleted_file_keeps_the_rules_too() throws IOException {
    Path file = dir.resolve("alerts.yaml");
    Files.writeString(file, ONE);
    ReloadableRules rules = ReloadableRules.load(file);

    Files.delete(file);

    assertThat(rules.reloadIfChanged()).isFalse();
    assertThat(rules.current()).hasSize(1);
    assertThat(rules.lastRejection()).isPresent();
  }

  @Test
  void the_first_load_of_a_bad_file_throws_as_there_is_nothing_to_keep() throws IOException {
    Path file = dir.resolve("alerts.yaml");
    Files.writeString(file, "info: [1]\n");

    assertThatThrownBy(() -> ReloadableRules.load(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("info: must map rule names to rules");
  }
}
