package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.omniy.core.alert.DefaultAlertRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
                + " over 5m, at least 20 samples; notify slack, sms, email; respond within 15m;"
                + " every 1m",
            "ALERT-W1 warning パフォーマンス劣化: p95 of omniy.api.latency > 2 over 5m for 15m,"
                + " at least 1 samples; notify slack; respond within 1h; every 1m",
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
            "2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 12% (12 of 100) > 10%",
            "2026-03-02T09:06:00Z ALERT-C1 {} RESOLVED slack,sms,email:"
                + " clear: 0% (0 of 50), not > 10%");
  }

  @Test
  void eval_until_a_later_time_shows_the_escalation_of_an_alert_still_holding() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    StringBuilder csv = new StringBuilder();
    for (int m = 0; m < 20; m++) {
      csv.append(
          String.format("2026-03-02T09:%02d:20Z,http.server.requests,status=503,count,30%n", m));
    }
    Path samples = write("samples.csv", csv.toString());

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

    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 100% (30 of 30) > 10%",
            "2026-03-02T09:17:00Z ALERT-C1 {} ESCALATED slack,sms,email,escalation-contact:"
                + " 100% (150 of 150) > 10%");
  }

  @Test
  void eval_of_failures_that_stop_resolves_instead_of_escalating_on_no_data() throws IOException {
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
                "2026-03-02T12:00:00Z"))
        .isZero();

    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 100% (30 of 30) > 10%",
            "2026-03-02T09:06:00Z ALERT-C1 {} RESOLVED slack,sms,email:"
                + " not enough data to confirm: no data in the last 5m");
  }

  @Test
  void defaults_prints_the_built_in_rules_as_a_file_that_check_and_eval_accept()
      throws IOException {
    assertThat(run("rules", "defaults")).isZero();
    Path file = write("defaults.yaml", out.toString());
    assertThat(out.toString()).startsWith("# Omniy's built-in alert rules").contains("runbook:");
    out.getBuffer().setLength(0);

    assertThat(run("rules", "check", file.toString())).isZero();
    assertThat(out.toString().lines())
        .hasSize(14)
        .first()
        .isEqualTo(DefaultAlertRules.SERVICE_DOWN.describe());
    assertThat(out.toString()).endsWith("13 rules OK" + System.lineSeparator());

    out.getBuffer().setLength(0);
    Path samples =
        write(
            "c4.csv",
            """
            2026-03-02T09:00:00Z,omniy.post.attempts,outcome=failure,count,6
            2026-03-02T09:10:00Z,omniy.post.attempts,outcome=success,count,1
            """);
    assertThat(
            run(
                "rules",
                "eval",
                file.toString(),
                "--samples",
                samples.toString(),
                "--until",
                "2026-03-02T09:30:00Z"))
        .isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-02T09:00:00Z ALERT-C4 {} FIRED slack,email: 100% (6 of 6) > 20%",
            "2026-03-02T09:15:00Z ALERT-C4 {} RESOLVED slack,email:"
                + " not enough data to confirm: 1 of 5 samples in the last 15m");
    assertThat(err.toString()).isEmpty();
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
    assertThat(err.toString()).contains("Missing a command: check, eval or defaults");
  }

  private Path oneFailingMinute() throws IOException {
    return write(
        "samples.csv",
        """
        2026-03-02T09:00:10Z,http.server.requests,status=200,count,88
        2026-03-02T09:00:20Z,http.server.requests,status=503,count,12
        """);
  }

  @Test
  void eval_every_below_one_second_is_a_usage_error_naming_the_option_not_a_division_by_zero()
      throws IOException {
    Path rules = write("alerts.yaml", RULES);

    int code =
        run(
            "rules",
            "eval",
            rules.toString(),
            "--samples",
            oneFailingMinute() + "",
            "--every",
            "PT0.0001S");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--every': 'PT0.0001S' is out of range; give a step"
                + " from PT1S (1 second) to 1 day (P1D)")
        .doesNotContain("Exception", "\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void eval_every_of_a_trillion_days_is_a_usage_error_not_an_overflow() throws IOException {
    Path rules = write("alerts.yaml", RULES);

    int code =
        run(
            "rules",
            "eval",
            rules.toString(),
            "--samples",
            oneFailingMinute() + "",
            "--every",
            "P1000000000000D");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--every", "'P1000000000000D' is out of range", "PT1S", "P1D")
        .doesNotContain("Exception");
  }

  @Test
  void eval_until_more_than_366_days_after_the_first_sample_is_a_usage_error_at_once()
      throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples = oneFailingMinute();

    int code =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                run(
                    "rules",
                    "eval",
                    rules.toString(),
                    "--samples",
                    samples.toString(),
                    "--until",
                    "9999-12-31T00:00:00Z"));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "--until: 9999-12-31T00:00:00Z is more than 366 days after the first sample"
                + " (2026-03-02T09:00:10Z); give an instant up to 2027-03-03T09:00:10Z");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void eval_until_366_days_after_the_first_sample_is_accepted() throws IOException {
    Path rules = write("alerts.yaml", RULES);

    int code =
        run(
            "rules",
            "eval",
            rules.toString(),
            "--samples",
            oneFailingMinute() + "",
            "--every",
            "P1D",
            "--until",
            "2027-03-03T09:00:10Z");

    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void eval_of_samples_spread_over_more_than_366_days_is_rejected_naming_the_file()
      throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write(
            "samples.csv",
            "2026-03-02T09:00:10Z,http.server.requests,status=200,count,88\n"
                + "9999-12-31T00:00:00Z,http.server.requests,status=200,count,88\n");

    int code =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> run("rules", "eval", rules.toString(), "--samples", samples.toString()));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            samples
                + ": the samples run from 2026-03-02T09:00:10Z to 9999-12-31T00:00:00Z,"
                + " more than the 366 days one replay covers");
  }

  /** Fails the replay at the first change it prints, as a closed pipe would. */
  private static final class StopAtFirstChange extends Writer {
    private final StringBuilder seen = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
      seen.append(chars, offset, length);
    }

    @Override
    public void flush() {
      if (seen.toString().contains("FIRED")) {
        throw new IllegalStateException("stop: seen " + seen.toString().strip());
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void eval_prints_each_change_as_it_is_found_not_after_the_whole_replay() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples = oneFailingMinute();
    StopAtFirstChange stdout = new StopAtFirstChange();

    // A year of steps of a second: 31.6 million; the rule (every 1m) first fires at 09:01.
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            OmniyCli.run(
                new PrintWriter(stdout),
                new PrintWriter(err, true),
                "rules",
                "eval",
                rules.toString(),
                "--samples",
                samples.toString(),
                "--every",
                "PT1S",
                "--until",
                "2027-03-02T09:00:00Z"));

    assertThat(stdout.seen.toString()).startsWith("2026-03-02T09:01:00Z ALERT-C1 {} FIRED ");
  }

  @Test
  void eval_stops_when_no_one_reads_its_output_any_more() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples = oneFailingMinute();
    Writer closedPipe =
        new Writer() {
          @Override
          public void write(char[] chars, int offset, int length) throws IOException {
            throw new IOException("Broken pipe");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    int code =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                OmniyCli.run(
                    new PrintWriter(closedPipe),
                    new PrintWriter(err, true),
                    "rules",
                    "eval",
                    rules.toString(),
                    "--samples",
                    samples.toString(),
                    "--every",
                    "PT1S",
                    "--until",
                    "2027-03-02T09:00:00Z"));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("omniy: the output is closed: replay stopped" + System.lineSeparator());
  }

  @Test
  void eval_reads_a_samples_file_that_starts_with_a_byte_order_mark() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write(
            "samples.csv",
            "\uFEFFtime,metric,tags,kind,value\n"
                + "2026-03-02T09:00:10Z,http.server.requests,status=200,count,88\n"
                + "2026-03-02T09:00:20Z,http.server.requests,status=503,count,12\n");

    assertThat(run("rules", "eval", rules.toString(), "--samples", samples.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).startsWith("2026-03-02T09:01:00Z ALERT-C1 {} FIRED ");
  }

  @Test
  void eval_of_samples_out_of_time_order_sorts_them_as_before() throws IOException {
    Path rules = write("alerts.yaml", RULES);
    Path samples =
        write(
            "samples.csv",
            "2026-03-02T09:06:00Z,http.server.requests,status=200,count,50\n"
                + "2026-03-02T09:00:20Z,http.server.requests,status=503,count,12\n"
                + "2026-03-02T09:00:10Z,http.server.requests,status=200,count,88\n");

    assertThat(run("rules", "eval", rules.toString(), "--samples", samples.toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 12% (12 of 100) > 10%",
            "2026-03-02T09:06:00Z ALERT-C1 {} RESOLVED slack,sms,email:"
                + " clear: 0% (0 of 50), not > 10%");
  }

  @Test
  void control_characters_in_rule_names_and_bad_samples_are_escaped_on_the_terminal()
      throws IOException {
    Path rules =
        write(
            "alerts.yaml",
            RULES
                .replace("id: ALERT-C1", "id: \"ALERT-C1\\e]0;pwned\\a\"")
                .replace("サービス停止:", "\"サービス\\r停止\\e[2J\":"));
    Path samples = write("samples.csv", "yesterday\u001b[31m,m,,count,1\n");

    assertThat(run("rules", "check", rules.toString())).isZero();
    assertThat(run("rules", "eval", rules.toString(), "--samples", samples.toString()))
        .isEqualTo(1);

    assertThat(out.toString())
        .startsWith("ALERT-C1\\u001b]0;pwned\\u0007 critical サービス\\u000d停止\\u001b[2J: share")
        .doesNotContain("\u001b", "\u0007", "\r");
    assertThat(err.toString())
        .contains(samples + ":1: time: 'yesterday\\u001b[31m' is not an instant")
        .doesNotContain("\u001b");
  }
}
