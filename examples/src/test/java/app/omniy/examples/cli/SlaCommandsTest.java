package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omniy sla-credit} and {@code omniy sla-report}, run in-process (SLA-6, SLA-7, SLA-8). */
class SlaCommandsTest {
  private static final String ISSUE_EXAMPLE =
      "{\"month\":\"2026-04\",\"uptimePercent\":\"99.8842\",\"creditPercent\":10,"
          + "\"creditAmount\":\"198\",\"currency\":\"JPY\",\"eligible\":null,"
          + "\"reason\":\"no request date given\"}";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** 3,000 s of incident downtime in April 2026 (JST), plus maintenance that does not count. */
  private Path aprilDowntime() throws IOException {
    return Files.writeString(
        dir.resolve("downtime.yaml"),
        """
        periods:
          - start: 2026-04-10T10:00:00+09:00
            end: 2026-04-10T10:30:00+09:00
            cause: incident
            note: database failover
          - start: 2026-04-10T10:20:00+09:00
            end: 2026-04-10T10:50:00+09:00
            cause: incident
          - start: 2026-04-20T01:00:00Z
            end: 2026-04-20T03:00:00Z
            cause: planned-maintenance
          - start: 2026-04-21T01:00:00Z
            end: 2026-04-21T01:10:00Z
            cause: incident
            target: core-api
        """);
  }

  @Test
  void sla_credit_prints_the_issue_example_as_exactly_one_json_object() throws IOException {
    int code =
        run(
            "sla-credit",
            "--month",
            "2026-04",
            "--fee",
            "1980",
            "--currency",
            "JPY",
            "--downtime",
            aprilDowntime().toString(),
            "--json");

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(ISSUE_EXAMPLE + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void sla_credit_from_a_given_uptime_with_a_request_on_the_last_day_is_eligible() {
    int code =
        run(
            "sla-credit",
            "--month=2026-04",
            "--fee=10",
            "--currency=USD",
            "--uptime=99.0",
            "--requested-on=2026-05-31",
            "--json");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "{\"month\":\"2026-04\",\"uptimePercent\":\"99.0000\",\"creditPercent\":10,"
                + "\"creditAmount\":\"1.00\",\"currency\":\"USD\",\"eligible\":true,"
                + "\"reason\":\"requested on 2026-05-31, by the deadline 2026-05-31\"}"
                + System.lineSeparator());
  }

  @Test
  void sla_credit_a_request_a_day_late_is_not_eligible_and_the_text_says_why() {
    int code =
        run(
            "sla-credit",
            "--month=2026-04",
            "--fee=1980",
            "--currency=JPY",
            "--uptime=94.99",
            "--requested-on=2026-06-01");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Month:    2026-04 (Asia/Tokyo)")
        .contains("Uptime:   94.9900%")
        .contains("50% of 1980 JPY = 990 JPY")
        .contains("not eligible: requested on 2026-06-01, after the deadline 2026-05-31");
  }

  @Test
  void sla_credit_exactly_at_the_objective_earns_nothing() {
    assertThat(
            run(
                "sla-credit",
                "--month=2026-04",
                "--fee=1980",
                "--currency=JPY",
                "--uptime=99.9",
                "--json"))
        .isZero();
    assertThat(out.toString()).contains("\"creditPercent\":0,\"creditAmount\":\"0\"");
  }

  @Test
  void the_zone_option_overrides_the_files_zone_and_moves_the_month_boundary() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("edge.yaml"),
            """
            zone: UTC
            periods:
              - start: 2026-04-30T23:30:00+09:00
                end: 2026-05-01T00:30:00+09:00
                cause: incident
            """);

    run("sla-report", "--month=2026-04", "--downtime=" + file, "--json");
    String utc = out.toString();
    out.getBuffer().setLength(0);
    run("sla-report", "--month=2026-04", "--downtime=" + file, "--zone=Asia/Tokyo", "--json");

    assertThat(utc).contains("\"zone\":\"UTC\"", "\"downtimeSeconds\":3600");
    assertThat(out.toString()).contains("\"zone\":\"Asia/Tokyo\"", "\"downtimeSeconds\":1800");
  }

  @Test
  void sla_credit_measures_in_the_files_zone_unless_the_zone_option_overrides_it()
      throws IOException {
    // 23:30 to 00:30 in Tokyo is 14:30 to 15:30 UTC on 30 April: in a UTC month all of it is in
    // April, in a Tokyo month only the first half.
    Path file =
        Files.writeString(
            dir.resolve("zone.yaml"),
            """
            zone: UTC
            periods:
              - start: 2026-04-30T23:30:00+09:00
                end: 2026-05-01T00:30:00+09:00
                cause: incident
            """);
    String[] common = {"sla-credit", "--month=2026-04", "--fee=1", "--currency=USD", "--json"};

    run(concat(common, "--downtime=" + file));
    String utc = out.toString();
    out.getBuffer().setLength(0);
    run(concat(common, "--downtime=" + file, "--zone=Asia/Tokyo"));

    // 3,600 s of 2,592,000 s vs 1,800 s
    assertThat(utc).contains("\"uptimePercent\":\"99.8611\"");
    assertThat(out.toString()).contains("\"uptimePercent\":\"99.9305\"");
    assertThat(err.toString()).isEmpty();
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void a_bad_downtime_file_is_rejected_with_line_and_field_on_stderr_and_exit_1()
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "periods:\n  - start: 2026-04-10T10:00:00\n    end: 2026-04-10T11:00:00Z\n"
                + "    cause: incident\n");

    int code =
        run("sla-credit", "--month=2026-04", "--fee=1980", "--currency=JPY", "--downtime=" + file);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("bad.yaml:2", "periods[0].start", "offset");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_bad_currency_or_an_uptime_above_100_is_rejected_with_exit_1() {
    assertThat(run("sla-credit", "--month=2026-04", "--fee=1980", "--currency=XYZ", "--uptime=99"))
        .isEqualTo(1);
    assertThat(run("sla-credit", "--month=2026-04", "--fee=1980", "--currency=JPY", "--uptime=101"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("currency", "availability");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void both_or_neither_uptime_source_and_a_malformed_month_are_usage_errors_with_exit_2()
      throws IOException {
    String downtime = aprilDowntime().toString();

    assertThat(run("sla-credit", "--month=2026-04", "--fee=1", "--currency=JPY")).isEqualTo(2);
    assertThat(
            run(
                "sla-credit",
                "--month=2026-04",
                "--fee=1",
                "--currency=JPY",
                "--uptime=99",
                "--downtime=" + downtime))
        .isEqualTo(2);
    assertThat(run("sla-credit", "--month=April", "--fee=1", "--currency=JPY", "--uptime=99"))
        .isEqualTo(2);
    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + downtime, "--json", "--md"))
        .isEqualTo(2);
    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + downtime, "--fee=1"))
        .isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void sla_report_as_text_shows_every_target_the_periods_and_the_credit() throws IOException {
    int code =
        run(
            "sla-report",
            "--month",
            "2026-04",
            "--downtime",
            aprilDowntime().toString(),
            "--fee",
            "1980",
            "--currency",
            "JPY");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("SLA report 2026-04 (Asia/Tokyo)")
        .contains("system    99.8842% (objective 99.9%) MISSED; downtime 3000 s")
        .contains("core-api  99.8611% (objective 99.95%) MISSED; downtime 3600 s")
        .contains("planned-maintenance", "(excluded)", "database failover")
        .contains("Credit:   10% of the monthly fee = 198 JPY, payable on request by 2026-05-31");
  }

  @Test
  void sla_report_as_markdown_and_as_json() throws IOException {
    String file = aprilDowntime().toString();

    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + file, "--md")).isZero();
    assertThat(out.toString())
        .startsWith("# SLA report 2026-04 (Asia/Tokyo)")
        .contains("| system | 99.9% | 99.8842% | missed |")
        .contains("10% of the monthly fee");
    out.getBuffer().setLength(0);

    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + file, "--json")).isZero();
    assertThat(out.toString().strip())
        .startsWith("{\"month\":\"2026-04\"")
        .endsWith("}")
        .contains("\"creditPercent\":10,\"creditAmount\":null");
  }

  @Test
  void help_lists_the_sla_commands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("sla-credit", "sla-report");
    out.getBuffer().setLength(0);
    assertThat(run("sla-credit", "--help")).isZero();
    assertThat(out.toString()).contains("--requested-on", "--uptime", "--downtime");
  }

  @Test
  void an_uptime_or_fee_with_a_huge_exponent_is_a_usage_error_naming_the_option() {
    String[] uptime = {"sla-credit", "--month=2026-04", "--fee=1980", "--currency=JPY"};

    assertThat(run(concat(uptime, "--uptime=1e999999999"))).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--uptime': '1e999999999' is not a percentage such as"
                + " 99.95 (0 to 100, at most 4 decimals)");
    err.getBuffer().setLength(0);

    assertThat(
            run(
                "sla-credit",
                "--month=2026-04",
                "--fee=1e999999999",
                "--currency=JPY",
                "--uptime=99"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--fee': '1e999999999' is not an amount such as 1980 or"
                + " 9.99")
        .doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_uptime_beyond_100_or_finer_than_4_decimals_is_rejected_naming_uptime() {
    String[] common = {"sla-credit", "--month=2026-04", "--fee=1980", "--currency=JPY"};

    assertThat(run(concat(common, "--uptime=100.5"))).isEqualTo(1);
    assertThat(run(concat(common, "--uptime=99.12345"))).isEqualTo(1);
    assertThat(run(concat(common, "--uptime=99.12340"))).isZero();

    assertThat(err.toString())
        .contains(
            "omniy: --uptime = '100.5': must be an availability in percent from 0 to 100 with"
                + " at most 4 decimals, such as 99.95")
        .contains("omniy: --uptime = '99.12345': must be");
  }

  @Test
  void a_fee_finer_than_its_currency_is_refused_not_rounded() {
    int code =
        run("sla-credit", "--month=2026-04", "--fee=10.123", "--currency=JPY", "--uptime=94");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "omniy: --fee = '10.123': must be a positive amount of JPY with no decimals and at"
                + " most 15 digits, such as 1980"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_fee_is_positive_with_at_most_15_digits_and_its_currency_s_decimals() {
    String[] usd = {"--currency=USD", "--uptime=94", "--month=2026-04", "--json"};

    assertThat(run(concat(new String[] {"sla-credit", "--fee=9.99"}, usd))).isZero();
    assertThat(run(concat(new String[] {"sla-credit", "--fee=9.990"}, usd))).isZero();
    assertThat(run(concat(new String[] {"sla-credit", "--fee=9.999"}, usd))).isEqualTo(1);
    assertThat(run(concat(new String[] {"sla-credit", "--fee=0"}, usd))).isEqualTo(1);
    assertThat(run(concat(new String[] {"sla-credit", "--fee=999999999999999"}, usd))).isZero();
    assertThat(run(concat(new String[] {"sla-credit", "--fee=1000000000000000"}, usd)))
        .isEqualTo(1);
    assertThat(run(concat(new String[] {"sla-credit", "--fee=9999999999999.99"}, usd))).isZero();
    assertThat(run(concat(new String[] {"sla-credit", "--fee=99999999999999.99"}, usd)))
        .isEqualTo(1);

    assertThat(run("sla-credit", "--fee=1", "--currency=XAU", "--uptime=94", "--month=2026-04"))
        .isEqualTo(1);

    assertThat(err.toString())
        .contains("--fee = '9.999': must be a positive amount of USD with at most 2 decimals")
        .contains("--currency = 'XAU': has no minor unit to round money to")
        .contains("--fee = '0': must be a positive amount")
        .contains("--fee = '1000000000000000': must be")
        .contains("--fee = '99999999999999.99': must be");
  }

  @Test
  void a_fee_that_is_not_a_number_blames_the_fee_option() throws IOException {
    assertThat(run("sla-credit", "--month=2026-04", "--fee=abc", "--currency=JPY", "--uptime=94"))
        .isEqualTo(2);
    assertThat(
            run(
                "sla-report",
                "--month=2026-04",
                "--downtime=" + aprilDowntime(),
                "--fee=abc",
                "--currency=JPY"))
        .isEqualTo(2);
    assertThat(
            run(
                "sla-report",
                "--month=2026-04",
                "--downtime=" + aprilDowntime(),
                "--fee=10.5",
                "--currency=JPY"))
        .isEqualTo(1);

    assertThat(err.toString())
        .contains("Invalid value for option '--fee': 'abc' is not an amount")
        .contains("omniy: --fee = '10.5': must be a positive amount of JPY with no decimals")
        .doesNotContain("amount = 'abc'");
  }

  @Test
  void a_month_that_is_not_a_month_from_2000_to_2099_is_a_usage_error_naming_the_option()
      throws IOException {
    String[] credit = {"sla-credit", "--fee=1980", "--currency=JPY", "--uptime=99"};
    String downtime = aprilDowntime().toString();

    assertThat(run(concat(credit, "--month=2026-13"))).isEqualTo(2);
    assertThat(run(concat(credit, "--month=+999999999-12"))).isEqualTo(2);
    assertThat(run(concat(credit, "--month=1999-12"))).isEqualTo(2);
    assertThat(run("sla-report", "--month=+999999999-12", "--downtime=" + downtime)).isEqualTo(2);
    assertThat(run(concat(credit, "--month=2099-12"))).isZero();

    assertThat(err.toString())
        .contains(
            "Invalid value for option '--month': '2026-13' is not a month (expected YYYY-MM,"
                + " such as 2026-04)")
        .contains("Invalid value for option '--month': '+999999999-12' is not a month")
        .contains(
            "Invalid value for option '--month': '1999-12' is not a month from 2000-01 to 2099-12")
        .doesNotContain("DateTimeParseException", "Exception");
  }

  @Test
  void control_characters_of_a_downtime_note_are_escaped_in_text_and_markdown() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("note.yaml"),
            """
            periods:
              - start: 2026-04-10T10:00:00+09:00
                end: 2026-04-10T10:30:00+09:00
                cause: incident
                note: "db \\e]0;pwned\\a\\e[31mred\\rX\\u009b2J"
            """);

    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + file)).isZero();
    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + file, "--md")).isZero();
    assertThat(run("sla-report", "--month=2026-04", "--downtime=" + file, "--json")).isZero();

    assertThat(out.toString())
        .contains("db \\u001b]0;pwned\\u0007\\u001b[31mred\\u000dX\\u009b2J")
        .doesNotContain("\u001b", "\u0007", "\r", "\u009b");
  }
}
