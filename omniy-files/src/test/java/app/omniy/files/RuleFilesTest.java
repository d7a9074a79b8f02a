package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.NoDataPolicy;
import app.omniy.core.alert.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {
  @TempDir Path dir;

  static final String ISSUE_EXAMPLE =
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

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void the_issues_example_loads_with_japanese_names_as_keys() throws IOException {
    List<AlertRule> rules = RuleFiles.read(write("alerts.yaml", ISSUE_EXAMPLE));

    assertThat(rules).hasSize(2);
    AlertRule c1 = rules.get(0);
    assertThat(c1.condition()).isEqualTo(DefaultAlertRules.SERVICE_DOWN.condition());
    assertThat(c1.channels()).isEqualTo(DefaultAlertRules.SERVICE_DOWN.channels());
    assertThat(c1.respondWithin()).isEqualTo(Duration.ofMinutes(15));
    // Keys left out take the file defaults: every minute, resolve at once, no runbook.
    assertThat(c1.every()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c1.keepFiringFor()).isZero();
    assertThat(c1.runbook().isEmpty()).isTrue();
    AlertRule w1 = rules.get(1);
    assertThat(w1.name()).isEqualTo("パフォーマンス劣化");
    assertThat(w1.severity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(w1.condition().aggregation())
        .isEqualTo(new Aggregation.Percentile(BigDecimal.valueOf(95)));
    assertThat(w1.condition().threshold()).isEqualByComparingTo("2");
    assertThat(w1.condition().sustainedFor()).isEqualTo(Duration.ofMinutes(15));
    assertThat(w1.condition().minSamples()).isEqualTo(1);
    assertThat(w1.channels()).containsExactly(Channel.SLACK);
  }

  @Test
  void the_guides_rule_file_reads_into_exactly_the_built_in_default_rules() throws IOException {
    Path file = dir.resolve("guide-rules.yaml");
    try (InputStream in = getClass().getResourceAsStream("guide-rules.yaml")) {
      Files.write(file, in.readAllBytes());
    }

    // `omniy rules defaults` prints exactly this file.
    String written = RuleFiles.defaults();
    Files.writeString(Path.of("target", "guide-rules.actual.yaml"), written);
    assertThat(written).isEqualTo(Files.readString(file));
    assertThat(RuleFiles.read(file)).containsExactlyElementsOf(DefaultAlertRules.all());
  }

  @Test
  void english_names_japanese_group_names_and_japanese_durations_load() throws IOException {
    Path file =
        write(
            "en.yaml",
            """
            警告:
              slow checkout:
                id: SHOP-1
                metric: shop.checkout.latency
                where: {region: eu}
                aggregate: max
                at-most: 500ms
                over: 10分
                notify: [webhook]
                respond-within: 2時間
                repeat-every: 30m
                labels: {team: shop}
            """);

    AlertRule rule = RuleFiles.read(file).get(0);

    assertThat(rule.name()).isEqualTo("slow checkout");
    assertThat(rule.severity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(rule.condition().comparison()).isEqualTo(Comparison.AT_MOST);
    assertThat(rule.condition().threshold()).isEqualByComparingTo("0.5");
    assertThat(rule.condition().over()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rule.respondWithin()).isEqualTo(Duration.ofHours(2));
    assertThat(rule.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(rule.labels()).containsEntry("team", "shop");
    assertThat(rule.condition().filter().tags()).containsEntry("region", "eu");
  }

  @Test
  void keep_firing_for_on_no_data_group_by_every_and_a_runbook_load() throws IOException {
    Path file =
        write(
            "heartbeat.yaml",
            """
            critical:
              heartbeat:
                id: HB-1
                metric: app.heartbeat
                group-by: [instance]
                aggregate: events
                below: 1
                notify: [sms]
                respond-within: 10m
                keep-firing-for: 5m
                on-no-data: alert
                every: 30s
                runbook:
                  url: https://wiki.example/heartbeat
                  steps: [Check the process is up, "Restart it: systemctl restart app"]
            """);

    AlertRule rule = RuleFiles.read(file).get(0);

    assertThat(rule.condition().groupBy()).containsExactly("instance");
    assertThat(rule.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rule.onNoData()).isEqualTo(NoDataPolicy.ALERT);
    assertThat(rule.every()).isEqualTo(Duration.ofSeconds(30));
    assertThat(rule.runbook())
        .isEqualTo(
            new Runbook(
                URI.create("https://wiki.example/heartbeat"),
                List.of("Check the process is up", "Restart it: systemctl restart app")));
    assertThat(RuleFiles.read(write("again.yaml", RuleFiles.write(List.of(rule), "again"))))
        .containsExactly(rule);
  }

  @Test
  void bad_new_keys_are_reported_with_line_and_field() throws IOException {
    Path file =
        write(
            "bad-new.yaml",
            """
            warning:
              x:
                id: X
                metric: m
                above: 1
                notify: [slack]
                respond-within: 1h
                keep-firing-for: soon
                on-no-data: maybe
                every: 2d
                runbook:
                  url: ftp://files.example/x
                  steps: [ok]
                  owner: me
              y:
                id: Y
                metric: m
                above: 1
                notify: [slack]
                respond-within: 1h
                every: 500ms
                runbook: https://wiki.example/y
            """);

    assertThat(problems(file))
        .containsExactly(
            file
                + ":8: warning.x.keep-firing-for: 'soon' must be a duration such as 90s, 15m,"
                + " 1h or 7d",
            file + ":9: warning.x.on-no-data: 'maybe' must be ignore or alert",
            file + ":10: warning.x.every: '2d' must be from 1s to 1d in whole milliseconds",
            file + ":14: warning.x.runbook.owner: unknown key 'owner' (expected url, steps)",
            file + ":21: warning.y.every: '500ms' must be from 1s to 1d in whole milliseconds",
            file
                + ":22: warning.y.runbook: must be a mapping such as {url: https://…, steps:"
                + " [first step, …]}");
  }

  @Test
  void every_problem_of_a_bad_file_is_reported_at_once_with_file_line_and_field()
      throws IOException {
    Path file =
        write(
            "bad.yaml",
            """
            critical:
              サービス停止:
                id: ALERT-C1
                metric: http.server.requests
                share-of: {status: "5xx"}
                above: ten percent
                over: 5 minutes
                notify: [slack, pager]
                respond-within: 15m
                treshold: 1
            urgent:
              x:
                id: X
            info:
              copy:
                id: ALERT-C1
                metric: m
                percentile: 95
                aggregate: max
                above: 1
                notify: []
            """);

    assertThat(problems(file))
        .containsExactly(
            file
                + ":6: critical.サービス停止.above: 'ten percent' must be a number,"
                + " a percentage (10%) or a time (2s, 500ms)",
            file
                + ":7: critical.サービス停止.over: '5 minutes' must be a duration"
                + " such as 90s, 15m, 1h or 7d",
            file
                + ":8: critical.サービス停止.notify.1: unknown channel 'pager'"
                + " (expected slack, sms, email or webhook)",
            file + ":10: critical.サービス停止.treshold: unknown key 'treshold'",
            file
                + ":11: urgent: unknown severity group 'urgent' (expected critical,"
                + " warning or info)",
            file + ":15: info.copy.respond-within: is required",
            file + ":16: info.copy.id: 'ALERT-C1' is already the id of" + " critical.サービス停止",
            file
                + ":19: info.copy.aggregate: conflicts with 'percentile': give one"
                + " aggregation",
            file + ":21: info.copy.notify: must name at least one channel");
  }

  @Test
  void the_message_lists_every_problem_on_its_own_line() throws IOException {
    Path file = write("two.yaml", "info:\n  a:\n    id: A\n");

    assertThatThrownBy(() -> RuleFiles.read(file))
        .hasMessageContaining(file + ": 4 problems")
        .hasMessageContaining(file + ":2: info.a.metric: is required");
  }

  @Test
  void a_channel_listed_twice_is_refused_with_its_position() throws IOException {
    // Found by AlertRuleFileFuzzTest: [slack, Slack] used to escape as Set.of's bare
    // "duplicate element: SLACK", naming neither the file nor the field.
    Path file =
        write(
            "twice.yaml",
            """
            info:
              a:
                id: A
                metric: m
                above: 1
                notify: [slack, email, Slack]
                respond-within: 1h
            """);

    assertThat(problems(file))
        .containsExactly(
            file + ":6: info.a.notify.2: 'Slack' is already listed; name each channel" + " once");
  }

  @Test
  void a_duration_beyond_a_year_is_refused_even_past_the_range_of_a_long() throws IOException {
    // Found by AlertRuleFileFuzzTest: 8198552921648689607m overflowed Duration.ofMinutes.
    Path file =
        write(
            "long.yaml",
            """
            info:
              a:
                id: A
                metric: m
                above: 1
                over: 367d
                notify: [slack]
                respond-within: 8198552921648689607m
                repeat-every: 99999999999999999999999h
            """);

    // Every duration is reported at once (ALERT-4), each as written.
    assertThat(problems(file))
        .containsExactly(
            file + ":6: info.a.over: '367d' must be at most 366d",
            file + ":8: info.a.respond-within: '8198552921648689607m' must be at most 366d",
            file + ":9: info.a.repeat-every: '99999999999999999999999h' must be at most 366d");
    Path deadline = write("deadline.yaml", Files.readString(file).replace("367d", "366d"));
    assertThatThrownBy(() -> RuleFiles.read(deadline))
        .hasMessageContaining("info.a.respond-within: '8198552921648689607m' must be at most 366d");
  }

  @Test
  void several_bad_durations_of_one_rule_are_all_reported() throws IOException {
    Path file =
        write(
            "durations.yaml",
            """
            info:
              a:
                id: A
                metric: m
                above: 1
                over: 400d
                for: 500d
                notify: [slack]
                respond-within: 999d
                repeat-every: 1000d
            """);

    assertThat(problems(file))
        .containsExactly(
            file + ":6: info.a.over: '400d' must be at most 366d",
            file + ":7: info.a.for: '500d' must be at most 366d",
            file + ":9: info.a.respond-within: '999d' must be at most 366d",
            file + ":10: info.a.repeat-every: '1000d' must be at most 366d");
  }

  @Test
  void numbers_are_echoed_as_written_and_refused_beyond_the_precision_of_a_threshold()
      throws IOException {
    Path file =
        write(
            "numbers.yaml",
            """
            info:
              huge:
                id: H
                metric: m
                above: 1e999
                min-samples: 1e999
                notify: [slack]
                respond-within: 1h
              tiny:
                id: T
                metric: m
                above: 1e-999
                notify: [slack]
                respond-within: 1h
              p:
                id: P
                metric: m
                percentile: 1e-999999999
                above: 1
                over: 1e999
                notify: [slack]
                respond-within: 1h
            """);

    // 1e999 used to be echoed as 'Infinity'; 1e-999 silently became "> 0".
    assertThat(problems(file))
        .containsExactly(
            file + ":5: info.huge.above: '1e999' has more than 12 digits before the decimal point",
            file + ":6: info.huge.min-samples: '1e999' must be a whole number ≥ 1",
            file + ":12: info.tiny.above: '1e-999' has more than 7 decimal places",
            file + ":18: info.p.percentile: '1e-999999999' has more than 7 decimal places",
            file + ":20: info.p.over: '1e999' must be a duration such as 90s, 15m, 1h or 7d");
  }

  @Test
  void thresholds_may_be_written_with_an_exponent_within_their_bounds() throws IOException {
    Path file =
        write(
            "exponent.yaml",
            "info:\n  a:\n    id: A\n    metric: m\n    above: 1.5e3\n    notify: [slack]\n"
                + "    respond-within: 1h\n");

    assertThat(RuleFiles.read(file).get(0).condition().threshold()).isEqualByComparingTo("1500");
  }

  @Test
  void a_rule_file_with_a_3_mb_line_is_refused_before_it_is_parsed() {
    byte[] content =
        ("info:\n  a:\n    id: \"" + "x".repeat(3_000_000) + "\"\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RuleFiles.parse(Path.of("long.yaml"), content))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).startsWith("line is 3000010 bytes long");
            });
  }

  @Test
  void a_rule_file_that_is_not_utf_8_names_the_line_and_offset() {
    byte[] content =
        "info:\n  a:\n    id: \u00ff\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> RuleFiles.parse(Path.of("r.yaml"), content))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("r.yaml:3:9: not valid UTF-8: byte 0xFF at offset 19");
  }

  @Test
  void a_key_of_more_digits_than_an_int_holds_is_reported_with_its_line() throws IOException {
    String digits = "2" + "9".repeat(300);
    Path file = write("digits.yaml", "info:\n  a:\n    id: A\n    " + digits + ": 1\n");

    // The echoed key is cut like every echoed value (InvalidValueException.MAX_VALUE_CHARS).
    assertThat(problems(file))
        .contains(
            file
                + ":4: info.a."
                + digits
                + ": unknown key '"
                + digits.substring(0, app.omniy.core.InvalidValueException.MAX_VALUE_CHARS)
                + "…'");
  }

  @Test
  void a_duplicate_key_is_a_syntax_error_with_its_line() throws IOException {
    Path file = write("dup.yaml", "info:\n  a:\n    id: A\n    id: B\n");

    assertThatThrownBy(() -> RuleFiles.read(file))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.reason()).contains("Duplicate field 'id'");
            });
  }

  @Test
  void a_drop_needs_a_baseline_and_a_rule_needs_a_threshold() throws IOException {
    Path file =
        write(
            "drop.yaml",
            """
            info:
              dau:
                id: D
                metric: dau
                drop-at-least: 20%
                notify: [email]
                respond-within: 1d
              none:
                id: N
                metric: m
                notify: [email]
                respond-within: 1d
            """);

    assertThatThrownBy(() -> RuleFiles.read(file))
        .isInstanceOfSatisfying(
            FileProblemsException.class,
            e ->
                assertThat(e.problems())
                    .extracting(InvalidFileException::field)
                    .containsExactly("info.dau.drop-at-least", "info.none"));
  }

  @Test
  void a_value_the_rule_itself_rejects_is_reported_at_its_field() throws IOException {
    Path file =
        write(
            "short.yaml",
            "info:\n  a:\n    id: A\n    metric: m\n    above: 1\n    over: 500ms\n"
                + "    notify: [email]\n    respond-within: 1h\n");

    assertThat(problems(file))
        .containsExactly(file + ":6: info.a.over: '500ms' must be at least 1s");
  }

  /** The messages of the problems that reading {@code file} reports, one per problem. */
  private static List<String> problems(Path file) {
    try {
      RuleFiles.read(file);
    } catch (FileProblemsException e) {
      return e.problems().stream().map(InvalidFileException::getMessage).toList();
    }
    throw new AssertionError(file + " was accepted");
  }
}
