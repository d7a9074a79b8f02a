package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.omniy.core.alert.silence.Inhibition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file's inhibit: section (ALERT-2): defaults when absent, strict when present. */
class RuleFileInhibitionsTest {
  @TempDir Path dir;

  private static final String RULE =
      """
      critical:
        サービス停止:
          id: ALERT-C1
          metric: http.server.requests
          share-of: {status: "5xx"}
          above: 10%
          notify: [slack]
          respond-within: 15m
      """;

  @Test
  void a_file_without_inhibit_gets_the_default_c1_inhibits_w1_and_w4() throws IOException {
    Path file = Files.writeString(dir.resolve("rules.yaml"), RULE);

    assertThat(RuleFiles.readInhibitions(file)).isEqualTo(Inhibition.DEFAULTS);
    assertThat(RuleFiles.read(file)).hasSize(1);
  }

  @Test
  void a_file_sets_its_own_inhibitions_or_none() throws IOException {
    Path own =
        Files.writeString(
            dir.resolve("own.yaml"),
            RULE
                + """
                inhibit:
                  - source: {id: ALERT-C1}
                    target: {id: ALERT-C4}
                    equal: [region]
                """);
    Path none = Files.writeString(dir.resolve("none.yaml"), RULE + "inhibit: []\n");

    assertThat(RuleFiles.readInhibitions(own))
        .containsExactly(
            new Inhibition(Map.of("id", "ALERT-C1"), Map.of("id", "ALERT-C4"), List.of("region")));
    assertThat(RuleFiles.readInhibitions(none)).isEmpty();
    assertThat(RuleFiles.read(own)).hasSize(1);
  }

  @Test
  void a_wrong_inhibition_is_reported_with_its_line_and_field() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            RULE
                + """
                inhibit:
                  - source: {id: ALERT-C1}
                    targets: {id: ALERT-W1}
                """);

    FileProblemsException e =
        catchThrowableOfType(FileProblemsException.class, () -> RuleFiles.read(file));

    assertThat(e.getMessage())
        .contains("bad.yaml:11: inhibit.0.targets: unknown key 'targets'")
        .contains("inhibit.0.target: is required");
  }
}
