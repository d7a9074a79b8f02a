package app.omniy.core.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Markdown;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The root-cause analysis document of the guide's template (INC-3), in Markdown, pre-filled from
 * the incident's record: overview, timeline, downtime and the targets it breached. What only people
 * know (causes, users affected, loss, actions, lessons) is left for them to write, marked so it
 * cannot be mistaken for a finding. The incident's id and title are shown as text through {@link
 * Markdown#escape}, never as Markdown or HTML.
 */
public final class RcaDocument {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** The document's language: the guide's Japanese or English. */
  public enum Language {
    JA,
    EN
  }

  private RcaDocument() {}

  /**
   * The RCA for {@code incident} as of {@code now}, times shown in {@code zone} (the guide: JST).
   */
  public static String markdown(Incident incident, Instant now, ZoneId zone, Language language) {
    Require.nonNull(incident, "incident");
    if (now == null || zone == null || language == null) {
      throw new InvalidValueException(
          now == null ? "now" : zone == null ? "zone" : "language", null, "is required");
    }
    Words w = language == Language.JA ? Words.JA : Words.EN;
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(w.title)
        .append(": ")
        .append(Markdown.escape(incident.id()))
        .append(' ')
        .append(Markdown.escape(incident.title()))
        .append("\n\n");
    md.append("## ").append(w.overview).append("\n\n");
    line(md, w.occurred, when(incident, Milestone.OCCURRED, zone, w));
    line(md, w.detected, when(incident, Milestone.DETECTED, zone, w));
    line(md, w.recovered, when(incident, Milestone.RECOVERED, zone, w));
    line(md, w.scope, w.toFill);
    line(md, "Severity", Integer.toString(incident.severity().level()));
    md.append("\n## ").append(w.timeline).append("\n\n");
    for (Map.Entry<Milestone, Instant> entry : incident.timeline().entrySet()) {
      md.append("- ")
          .append(TIME.format(entry.getValue().atZone(zone)))
          .append(": ")
          .append(w.milestone(entry.getKey()))
          .append('\n');
    }
    md.append("\n## ").append(w.causes).append("\n\n");
    line(md, w.technical, w.toFill);
    line(md, w.process, w.toFill);
    line(md, w.human, w.toFill);
    md.append("\n## ").append(w.impact).append("\n\n");
    line(
        md,
        w.downtime,
        incident
            .downtime()
            .map(p -> minutes(Duration.between(p.start(), p.end()), w))
            .orElse(w.notRecovered));
    line(md, w.users, w.toFill);
    line(md, w.loss, w.toFill);
    List<Breach> breaches = incident.breaches(now);
    line(md, w.slaBreach, breaches.isEmpty() ? w.none : describe(breaches, zone, w));
    md.append("\n## ").append(w.actions).append("\n\n");
    line(md, w.immediate, w.toFill);
    line(md, w.permanent, w.toFill);
    line(md, w.preventive, w.toFill);
    line(md, w.processImprovement, w.toFill);
    md.append("\n## ").append(w.lessons).append("\n\n");
    line(md, w.detection, w.toFill);
    line(md, w.response, w.toFill);
    line(md, w.design, w.toFill);
    return md.toString();
  }

  private static void line(StringBuilder md, String label, String value) {
    md.append("- ").append(label).append(": ").append(value).append('\n');
  }

  private static String when(Incident incident, Milestone milestone, ZoneId zone, Words w) {
    return incident.at(milestone).map(t -> WHEN.format(t.atZone(zone))).orElse(w.notYet);
  }

  private static String minutes(Duration duration, Words w) {
    return duration.toMinutes()
        + w.minutesUnit
        + " ("
        + duration.getSeconds()
        + w.secondsUnit
        + ")";
  }

  private static String describe(List<Breach> breaches, ZoneId zone, Words w) {
    StringBuilder text = new StringBuilder();
    for (Breach breach : breaches) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(w.milestone(breach.milestone()))
          .append(' ')
          .append(w.dueAt)
          .append(' ')
          .append(WHEN.format(breach.due().atZone(zone)));
    }
    return text.toString();
  }

  /** The template's words in one language. */
  private record Words(
      String title,
      String overview,
      String occurred,
      String detected,
      String recovered,
      String scope,
      String timeline,
      String causes,
      String technical,
      String process,
      String human,
      String impact,
      String downtime,
      String users,
      String loss,
      String slaBreach,
      String actions,
      String immediate,
      String permanent,
      String preventive,
      String processImprovement,
      String lessons,
      String detection,
      String response,
      String design,
      String toFill,
      String notYet,
      String notRecovered,
      String none,
      String minutesUnit,
      String secondsUnit,
      String dueAt,
      List<String> milestones) {

    static final Words JA =
        new Words(
            "インシデント報告",
            "インシデント概要",
            "発生日時",
            "検知日時",
            "復旧日時",
            "影響範囲",
            "タイムライン",
            "根本原因",
            "技術的原因",
            "プロセス上の原因",
            "人的要因",
            "影響評価",
            "機能停止時間",
            "影響ユーザー数",
            "ビジネス損失",
            "SLA違反",
            "対策",
            "即座対策 (実施済み)",
            "恒久対策 (実施予定)",
            "予防策",
            "プロセス改善",
            "学んだ教訓",
            "検知改善",
            "対応改善",
            "設計改善",
            "（記入してください）",
            "未到達",
            "未復旧",
            "なし",
            "分",
            "秒",
            "期限",
            List.of("障害発生", "検知", "対応開始", "緊急回避実施", "復旧", "完全復旧確認"));

    static final Words EN =
        new Words(
            "Incident report",
            "Overview",
            "Occurred",
            "Detected",
            "Recovered",
            "Scope",
            "Timeline",
            "Root cause",
            "Technical cause",
            "Process cause",
            "Human factors",
            "Impact",
            "Downtime",
            "Users affected",
            "Business loss",
            "SLA breach",
            "Actions",
            "Immediate (done)",
            "Permanent (planned)",
            "Preventive",
            "Process improvement",
            "Lessons learned",
            "Detection",
            "Response",
            "Design",
            "(to be written)",
            "not yet",
            "not recovered",
            "none",
            " min",
            " s",
            "due",
            List.of(
                "Occurred", "Detected", "Response started", "Mitigated", "Recovered", "Resolved"));

    String milestone(Milestone milestone) {
      return milestones.get(milestone.ordinal());
    }
  }
}
