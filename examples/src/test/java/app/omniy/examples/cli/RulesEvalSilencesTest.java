package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omniy rules eval --silences FILE} (ALERT-2): held notifications say why. */
class RulesEvalSilencesTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private static final String RULES =
      """
      critical:
        サービス停止:
          id: ALERT-C1
          metric: http.server.requests
          share-of: {status: "5xx"}
          above: 10%
          over: 5m
          min-samples: 20
          notify: [slack, sms, email]
          respond-within: 15m
      """;

  private int run(String... args) {
    return OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path samples() throws IOException {
    List<String> lines = new ArrayList<>(List.of("time,metric,tags,kind,value"));
    Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
    for (int m = 0; m < 40; m++) {
      String status = m >= 5 && m < 25 ? "5xx" : "2xx";
      lines.add(t0.plusSeconds(60L * m) + ",http.server.requests,status=" + status + ",count,30");
    }
    return Files.write(dir.resolve("samples.csv"), lines);
  }

  @Test
  void a_silenced_firing_says_silenced_and_notifies_when_the_silence_ends() throws IOException {
    Path rules = Files.writeString(dir.resolve("alerts.yaml"), RULES);
    Path silences =
        Files.writeString(
            dir.resolve("silences.yaml"),
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T09:00:00+09:00
                end: 2026-04-01T09:15:00+09:00
                by: owner
                comment: planned database migration
            """);

    int exit =
        run(
            "rules",
            "eval",
            rules.toString(),
            "--samples",
            samples().toString(),
            "--silences",
            silences.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("2026-04-01T00:05:00Z ALERT-C1 {} FIRED silenced: ");
    assertThat(lines.get(1)).startsWith("2026-04-01T00:15:00Z ALERT-C1 {} FIRED slack,sms,email: ");
    assertThat(lines).anyMatch(line -> line.contains(" RESOLVED slack,sms,email: clear"));
  }

  @Test
  void a_bad_silences_file_exits_1_naming_the_line_and_field() throws IOException {
    Path rules = Files.writeString(dir.resolve("alerts.yaml"), RULES);
    Path silences =
        Files.writeString(
            dir.resolve("silences.yaml"),
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T09:00:00
                end: 2026-04-01T09:15:00+09:00
                by: owner
            """);

    int exit =
        run(
            "rules",
            "eval",
            rules.toString(),
            "--samples",
            samples().toString(),
            "--silences",
            silences.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("silences.yaml:3:5: silences[0].start: ");
  }
}
