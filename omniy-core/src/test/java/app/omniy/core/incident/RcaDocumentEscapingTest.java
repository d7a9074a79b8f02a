package app.omniy.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.sla.SlaTarget;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** INC-3: an incident's title and id are shown as text in the RCA, never as Markdown or HTML. */
class RcaDocumentEscapingTest {
  private static final Instant OCCURRED = Instant.parse("2026-04-10T01:00:00Z");
  private static final String HOSTILE =
      "<script>alert(1)</script> | a | b | **bold** \u001B[31mred\u001B[0m";
  private static final String INERT =
      "&lt;script&gt;alert(1)&lt;/script&gt; \\| a \\| b \\| \\*\\*bold\\*\\*"
          + " \\u001B\\[31mred\\u001B\\[0m";

  @Test
  void a_hostile_title_renders_inert_in_both_languages() {
    Incident incident =
        Incident.open(
            "INC-7",
            HOSTILE,
            IncidentSeverity.SEV2,
            SlaTarget.SYSTEM,
            OCCURRED,
            OCCURRED.plusSeconds(60));

    for (RcaDocument.Language language : RcaDocument.Language.values()) {
      String md = RcaDocument.markdown(incident, OCCURRED, ZoneId.of("Asia/Tokyo"), language);

      assertThat(md)
          .doesNotContain("<script>", "| a | b |", "**bold**", "\u001B")
          .contains(": INC-7 " + INERT + "\n");
    }
  }

  @Test
  void a_title_that_would_start_a_new_heading_stays_on_the_title_line() {
    Incident incident =
        Incident.open(
            "INC-8",
            "db down\n# Root cause: the intern",
            IncidentSeverity.SEV3,
            SlaTarget.SYSTEM,
            OCCURRED,
            OCCURRED);

    String md =
        RcaDocument.markdown(incident, OCCURRED, ZoneId.of("Asia/Tokyo"), RcaDocument.Language.EN);

    assertThat(md)
        .startsWith("# Incident report: INC-8 db down # Root cause: the intern\n")
        .doesNotContain("\n# Root cause: the intern");
  }
}
