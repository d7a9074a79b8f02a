package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The trial at a small size: real dispatcher and adapter against the fake Graph API. */
class TrialCommandTest {
  private static final String[] SMALL = {
    "trial",
    "--month",
    "2026-04",
    "--posts",
    "40",
    "--accounts",
    "2",
    "--seed",
    "3",
    "--fault-rate",
    "0.05",
    "--json"
  };

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void a_small_day_publishes_every_valid_post_once_and_counts_what_it_prints() throws Exception {
    JsonNode day = new ObjectMapper().readTree(run(SMALL));

    int scheduled = day.get("postsScheduled").asInt();
    assertThat(day.get("day").asText()).isEqualTo("2026-04-01");
    assertThat(scheduled + day.get("rejected").asInt()).isEqualTo(40);
    assertThat(day.get("rejected").asInt())
        .as("about 1 in 25 breaks a POST-2 limit")
        .isBetween(0, 6);
    assertThat(day.get("publishedTwice").asInt()).isZero();
    assertThat(
            day.get("published").asInt() + day.get("failed").asInt() + day.get("pending").asInt())
        .isEqualTo(scheduled);
    assertThat(day.get("published").asInt()).isGreaterThanOrEqualTo(scheduled - 2);
    assertThat(day.get("pending").asInt())
        .as("a day's posts all end by the end of the run")
        .isZero();
    assertThat(day.get("successRate").asText()).matches("[01]\\.\\d{4}");
    assertThat(day.get("notSimulated").toString()).contains("alerts", "SLA report");
  }

  @Test
  void the_same_seed_and_month_give_the_same_day() {
    assertThat(run(SMALL)).isEqualTo(run(SMALL));
  }

  @Test
  void the_summary_says_what_is_not_simulated_yet() {
    String summary = run("trial", "--month", "2026-04", "--posts", "10", "--accounts", "1");

    assertThat(summary)
        .startsWith("Omniy trial: simulated 2026-04-01 (JST)")
        .contains("Published twice:        0", "Not simulated yet:");
  }

  @Test
  void a_bad_setting_is_rejected_with_exit_1_naming_it() {
    StringWriter err = new StringWriter();

    int code =
        OmniyCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "trial",
            "--posts",
            "0");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("posts = '0'");
  }
}
