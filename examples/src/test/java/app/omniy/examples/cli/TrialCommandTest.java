package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month-long trial at a small size: February (the shortest month), 60 posts over 3 accounts.
 * Each run simulates 40,320 minutes, so the class runs the trial three times only.
 */
class TrialCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  private static String[] small(String... more) {
    String[] base = {
      "trial", "--month", "2026-02", "--posts", "60", "--accounts", "3", "--seed", "3", "--json"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void a_quiet_month_meets_the_target_publishes_nothing_twice_owes_nothing_and_repeats_by_seed()
      throws Exception {
    String first = run(small());
    JsonNode month = JSON.readTree(first);

    assertThat(first.strip()).doesNotContain("\n"); // exactly one JSON object on stdout
    assertThat(month.get("month").asText()).isEqualTo("2026-02");
    int scheduled = month.get("postsScheduled").asInt();
    assertThat(scheduled + month.get("rejected").asInt()).isEqualTo(60);
    assertThat(
            month.get("published").asLong()
                + month.get("failed").asLong()
                + month.get("excluded").asLong()
                + month.get("pending").asLong())
        .isEqualTo(scheduled);
    assertThat(month.get("publishedTwice").asInt()).isZero();
    assertThat(month.get("successRate").asText()).matches("[01]\\.\\d{4}");
    assertThat(month.get("successTargetMet").asBoolean()).isTrue(); // SLA-3
    assertThat(month.get("excludedByReason").has("NEEDS_REAUTH"))
        .as("the last account's token expires on the 15th")
        .isTrue();
    assertThat(month.get("alertsFired").toString()).doesNotContain("ALERT-C1");
    assertThat(month.get("uptimePercent").asText()).isEqualTo("100.0000");
    assertThat(month.get("creditPercent").asInt()).isZero();
    assertThat(month.get("credits")).hasSize(2);
    assertThat(month.get("credits").get(0).get("currency").asText()).isEqualTo("JPY");
    assertThat(month.get("probes").asInt()).isEqualTo(28 * 24 * 12); // every 5 min (SLA-5)
    String[] summary = java.util.Arrays.copyOf(small(), small().length - 1); // without --json
    assertThat(run(summary))
        .as("the summary for people, of the same month: the same seed gives the same figures")
        .startsWith("Omniy trial: 2026-02 (JST), seed 3: 60 posts over 3 accounts")
        .contains(
            "  published          " + month.get("published").asLong() + "\n",
            "  published twice    0\n",
            "target 99.5%: met",
            "Alerts",
            "Incidents: none",
            "Credit (SLA-6): 0% of the monthly fee, payable on request by 2026-03-31");
  }

  @Test
  void the_default_trial_with_a_120_minute_outage_records_7200_seconds_and_a_10_percent_credit()
      throws Exception {
    // The command as written (default month, posts, accounts, faults and seed): the simulated
    // operator must cope with alerts that resolve before it looks (ALERT-2, INC-2, SLA-6).
    JsonNode month = JSON.readTree(run("trial", "--outage", "120", "--json"));

    assertThat(month.get("downtimeSeconds").asLong()).isEqualTo(7_200);
    assertThat(month.get("creditPercent").asInt()).isEqualTo(10);
    assertThat(month.get("alertResolutions")).isEqualTo(month.get("alertFirings"));
  }

  @Test
  void the_default_month_ends_with_no_alert_firing_whose_cause_has_ended() throws Exception {
    // The default settings (600 posts, 6 accounts, 2% faults, seed 1), on a fixed month.
    JsonNode month = JSON.readTree(run("trial", "--month", "2026-02", "--json"));

    JsonNode firings = month.get("alertFirings");
    JsonNode resolutions = month.get("alertResolutions");
    assertThat(firings.path("ALERT-C4").asInt())
        .as("the month's burst of failed attempts fires ALERT-C4: " + firings)
        .isPositive();
    // ALERT-2's added decision: an alert whose condition no longer holds resolves, whatever the
    // traffic; this month has no cause left at its end, so every firing has its resolve notice.
    firings
        .fieldNames()
        .forEachRemaining(
            rule ->
                assertThat(resolutions.path(rule).asInt())
                    .as(rule + ": " + month.get("alertFirings") + " vs " + resolutions)
                    .isEqualTo(firings.get(rule).asInt()));
    assertThat(month.get("incidentDetails").toString()).doesNotContain("\"resolved\":null");
  }

  @Test
  void a_120_minute_outage_fires_alert_c1_opens_an_incident_and_earns_a_10_percent_credit(
      @TempDir Path dir) throws Exception {
    JsonNode month = JSON.readTree(run(small("--outage", "120", "--out", dir.toString())));

    // ALERT-I2 is per account (an account whose last reported usage was 100% fires on its own),
    // so C1 need not be the first rule to fire; it is the first critical one.
    assertThat(month.get("alertsFired").toString()).contains("ALERT-C1");
    assertThat(month.get("incidents").asInt()).isPositive();
    JsonNode incident = month.get("incidentDetails").get(0);
    assertThat(incident.get("severity").asInt()).isEqualTo(1);
    assertThat(incident.get("breached").toString())
        .as("a 2 h outage misses Sev1's 1 h recovery target (INC-1)")
        .contains("recovered");
    assertThat(incident.get("outsideExperts").asBoolean()).isTrue();
    assertThat(month.get("downtimeSeconds").asLong())
        .as("from the first bad minute to the first good one, not the alert's fire to resolve")
        .isEqualTo(120 * 60L);
    assertThat(month.get("creditPercent").asInt()).isEqualTo(10); // SLA-6
    assertThat(month.get("credits").toString())
        .contains("\"fee\":\"980\",\"currency\":\"JPY\",\"amount\":\"98\"")
        .contains("\"fee\":\"2980\",\"currency\":\"JPY\",\"amount\":\"298\"");
    assertThat(month.get("publishedTwice").asInt()).isZero();

    String id = incident.get("id").asText();
    assertThat(dir.resolve("rca-" + id + ".md")).content().startsWith("# インシデント報告: " + id);
    assertThat(JSON.readTree(dir.resolve("sla-report.json").toFile()).get("month").asText())
        .isEqualTo("2026-02");
    assertThat(dir.resolve("sla-report.md")).content().contains("| Pro ¥2,980 |");
    assertThat(JSON.readTree(dir.resolve("alerts.json").toFile()).toString())
        .contains("\"kind\":\"ESCALATED\"", "\"rule\":\"ALERT-C1\"");
    String status = Files.readString(dir.resolve("status.html"));
    assertThat(Pattern.compile("<rect class=\"bar ").matcher(status).results().count())
        .as("one bar per day of February 2026 (KPI-2)")
        .isEqualTo(28);
    assertThat(status).contains("<rect class=\"bar major\"").contains("ALERT-C1");
  }

  @Test
  void a_41_minute_outage_in_april_stays_inside_the_error_budget_and_earns_no_credit()
      throws Exception {
    JsonNode month =
        JSON.readTree(
            run(
                "trial",
                "--month",
                "2026-04",
                "--posts",
                "20",
                "--accounts",
                "2",
                "--seed",
                "3",
                "--outage",
                "41",
                "--json"));

    assertThat(month.get("alertsFired").toString()).contains("ALERT-C1");
    assertThat(month.get("downtimeSeconds").asLong())
        .as("2,460 s, inside April's 2,592 s budget (SLA-1), not the 2,700 s from fire to resolve")
        .isEqualTo(41 * 60L);
    assertThat(month.get("creditPercent").asInt()).isZero();
  }

  @Test
  void a_bad_setting_is_rejected_with_exit_1_naming_it() {
    StringWriter err = new StringWriter();

    int code =
        OmniyCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "trial",
            "--outage",
            "20000");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("outage = '20000'");
  }

  @Test
  void an_out_that_is_an_existing_file_is_rejected_before_the_month_is_simulated(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("report.txt"), "keep me");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), // the month itself takes longer
            () ->
                OmniyCli.run(
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    small("--out", file.toString())));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "omniy: --out = '"
                + file
                + "': is a file; give a directory, or a path that does not exist yet"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
    assertThat(file).hasContent("keep me");
  }

  @Test
  void an_out_below_an_existing_file_is_rejected_too(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("report.txt"), "keep me");

    assertThatThrownBy(() -> TrialCommand.checkOut(file.resolve("sub/dir")))
        .hasMessage(
            "--out = '"
                + file.resolve("sub/dir")
                + "': cannot be created: "
                + file
                + " is a file, not a directory");
    TrialCommand.checkOut(dir.resolve("new/dir")); // does not exist yet: created when written
    TrialCommand.checkOut(dir); // an existing directory
  }

  @Test
  void a_month_beyond_2099_is_a_usage_error_naming_the_option() {
    StringWriter err = new StringWriter();

    int code =
        OmniyCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "trial",
            "--month",
            "+999999999-12");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Invalid value for option '--month': '+999999999-12' is not a month");
  }
}
