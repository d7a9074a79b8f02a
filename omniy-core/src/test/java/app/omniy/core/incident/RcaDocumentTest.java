package app.omniy.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** INC-3: the guide's template, pre-filled from the record. */
class RcaDocumentTest {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final Instant OCCURRED = Instant.parse("2026-04-10T01:00:00Z");

  private final Incident incident =
      Incident.open(
              "INC-7",
              "Publishing stalled",
              IncidentSeverity.SEV2,
              SlaTarget.SYSTEM,
              OCCURRED,
              OCCURRED.plusSeconds(300))
          .reach(Milestone.RESPONDED, OCCURRED.plus(Duration.ofMinutes(45)))
          .reach(Milestone.RECOVERED, OCCURRED.plus(Duration.ofMinutes(90)));

  @Test
  void japanese_follows_the_guides_template_with_the_record_filled_in() {
    String md =
        RcaDocument.markdown(
            incident, OCCURRED.plus(Duration.ofHours(2)), JST, RcaDocument.Language.JA);

    assertThat(md)
        .contains("## インシデント概要", "- 発生日時: 2026-04-10 10:00", "- 復旧日時: 2026-04-10 11:30")
        .contains("- Severity: 2", "## タイムライン", "- 10:00: 障害発生", "- 10:45: 対応開始")
        .contains("## 根本原因", "- 技術的原因: （記入してください）")
        .contains("- 機能停止時間: 90分 (5400秒)")
        .contains("- SLA違反: 対応開始 期限 2026-04-10 10:35")
        .contains("## 対策", "## 学んだ教訓");
  }

  @Test
  void english_has_the_same_sections() {
    String md =
        RcaDocument.markdown(
            incident, OCCURRED.plus(Duration.ofHours(2)), JST, RcaDocument.Language.EN);

    assertThat(md)
        .startsWith("# Incident report: INC-7 Publishing stalled")
        .contains(
            "- Downtime: 90 min (5400 s)", "- SLA breach: Response started due 2026-04-10 10:35")
        .contains("- Technical cause: (to be written)");
  }
}
