package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
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
      warning:
        パフォーマンス劣化:
          id: ALERT-W1
          metric: omniy.api.latency
          percentile: 95
          above: 2s
          for: 15m
          notify: [slack]
          respond-within: 1h
      """;

  private int run(String... args) {
    return OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void check_prints_one_line_per_rule_with_condition_channels_and_deadline() throws IOException {
    Path file = write("alerts.yaml", RULES);

    assertThat(run("rules", "check", file.toString())).isZero();

    assertThat(out.toString().lines())
        .containsExactly(
            "ALERT-C1 critical サービス停止: share of {status=5xx} of http.server.requests > 10%"
                + " over 5m, at least 20 samples; notify slack, sms, email; respond within 15m",
            "ALERT-W1 warning パフォーマンス劣化: p95 of omniy.api.latency > 2 over 5m for 15m,"
                + " at least 1 samples; notify slack; respond within 1h",
            "2 rules OK");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void check_of_a_bad_file_exits_1_with_every_problem_on_stderr() throws IOException {
    Path file =
        write(
            "bad.yaml",
            RULES.replace("above: 10%", "above: many").replace("notify: [slack]", "notify: [fax]"));

    assertThat(run("rules", "check", file.toString())).isEqualTo(1);

    assertThat(err.toString())
        .contains(file + ": 2 problems")
        .contains(file + ":6: critical.サービス停止.above: 'many' must be a number")
        .contains(file + ":18: warning.パフォーマンス劣化.notify.0: unknown channel 'fax'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void eval_replays_samples_and_prints_each_state_change_with_its_time() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write(
            "samples.csv",
            """
            time,metric,tags,kind,value
            # 12 of 100 requests failed in the first minute
            2026-03-02T09:00:10Z,http.server.requests,status=200,count,88
            2026-03-02T09:00:20Z,http.server.requests,status=503,count,12
            # then only successes
            2026-03-02T09:06:00Z,http.server.requests,status=200,count,50
            """);

    assertThat(run("rules", "eval", rules.toString(), "--samples", samples.toString())).isZero();

    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-02T09:01:00Z ALERT-C1 inactive -> firing, FIRED [slack, sms, email]:"
                + " 12% (12 of 100) > 10%",
            "2026-03-02T09:06:00Z ALERT-C1 firing -> resolved, RESOLVED [slack, sms, email]:"
                + " 0% (0 of 50), not > 10%");
  }

  @Test
  void eval_until_a_later_time_shows_the_escalation_of_an_unanswered_alert() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write("samples.csv", "2026-03-02T09:00:20Z,http.server.requests,status=503,count,30\n");

    assertThat(
            run(
                "rules",
                "eval",
                rules.toString(),
                "--samples",
                samples.toString(),
                "--until",
                "2026-03-02T09:20:00Z"))
        .isZero();

    assertThat(out.toString())
        .contains("2026-03-02T09:01:00Z ALERT-C1 inactive -> firing, FIRED")
        .contains(
            "2026-03-02T09:17:00Z ALERT-C1 firing, ESCALATED [slack, sms, email] + escalation"
                + " contact: no data in the last 5m");
  }

  @Test
  void eval_of_a_bad_samples_file_exits_1_naming_every_bad_line() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write(
            "samples.csv",
            "yesterday,http.server.requests,status=200,count,1\n"
                + "2026-03-02T09:00:00Z,m,,count,-2\n"
                + "2026-03-02T09:00:00Z,m,x,gauge,1\n");

    assertThat(run("rules", "eval", rules.toString(), "--samples", samples.toString()))
        .isEqualTo(1);

    assertThat(err.toString())
        .contains(samples + ":1: time: 'yesterday' is not an instant")
        .contains(samples + ":2: value: '-2' must be a whole number >= 0 for 'count'")
        .contains(samples + ":3: tags: 'x' must be name=value")
        .contains(samples + ":3: kind: 'gauge' must be 'value' or 'count'");
  }

  @Test
  void eval_help_documents_the_samples_format() {
    assertThat(run("rules", "eval", "--help")).isZero();
    assertThat(out.toString()).contains("time,metric,tags,kind,value", "'count'", "--samples=CSV");
  }

  @Test
  void rules_without_a_subcommand_is_a_usage_error() {
    assertThat(run("rules")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing a command: check or eval");
  }
}
