package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertCondition;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.NoDataPolicy;
import app.omniy.core.alert.Runbook;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes rules as a rule file that {@link RuleFiles} reads back into equal rules. */
final class RuleFileWriter {
  /** A scalar YAML reads as the same text without quotes. */
  private static final Pattern PLAIN =
      Pattern.compile("[\\p{L}\\p{N}_./\\u3000-\\u30ff][\\p{L}\\p{N}_./ \\-\\u3000-\\u30ff]*");

  /** Plain scalars YAML would read as something other than text. */
  private static final Pattern SPECIAL =
      Pattern.compile(
          "(?i)~|null|true|false|yes|no|on|off|y|n|[-+]?[0-9.][0-9._eE+-]*|[-+]?\\.(inf|nan)");

  private final StringBuilder out = new StringBuilder();

  private RuleFileWriter() {}

  static String write(List<AlertRule> rules, String comment) {
    RuleFileWriter writer = new RuleFileWriter();
    for (String line : comment.split("\n", -1)) {
      if (!line.isEmpty()) {
        writer.out.append("# ").append(line).append('\n');
      }
    }
    for (AlertSeverity severity : AlertSeverity.values()) {
      List<AlertRule> group = rules.stream().filter(r -> r.severity() == severity).toList();
      if (group.isEmpty()) {
        continue;
      }
      writer.out.append(severity.name().toLowerCase(Locale.ROOT)).append(":\n");
      Set<String> names = new HashSet<>();
      for (AlertRule rule : group) {
        if (!names.add(rule.name())) {
          throw new InvalidValueException(
              "rules",
              rule.name(),
              "names two rules of one severity: a rule file cannot hold both");
        }
        writer.rule(rule);
      }
    }
    return writer.out.toString();
  }

  private void rule(AlertRule rule) {
    AlertCondition c = rule.condition();
    out.append("  ").append(scalar(rule.name())).append(":\n");
    key("id", scalar(rule.id()));
    key("metric", scalar(c.metric()));
    if (!c.filter().tags().isEmpty()) {
      key("where", map(c.filter().tags()));
    }
    if (!c.groupBy().isEmpty()) {
      key("group-by", list(c.groupBy()));
    }
    if (!rule.labels().isEmpty()) {
      key("labels", map(rule.labels()));
    }
    Aggregation aggregation = c.aggregation();
    if (aggregation instanceof Aggregation.ShareOf share) {
      key("share-of", map(share.numerator().tags()));
    } else if (aggregation instanceof Aggregation.Percentile p) {
      key("percentile", p.percent().stripTrailingZeros().toPlainString());
    } else if (aggregation instanceof Aggregation.ChangeVsBaseline change) {
      key("change-vs", AlertCondition.words(change.baseline()));
    } else if (aggregation instanceof Aggregation.Mean) {
      key("aggregate", "mean");
    } else if (aggregation instanceof Aggregation.Max) {
      key("aggregate", "max");
    } else if (aggregation instanceof Aggregation.Occurrence) {
      key("aggregate", "events");
    } else {
      key("aggregate", "latest");
    }
    threshold(c);
    key("over", AlertCondition.words(c.over()));
    if (!c.sustainedFor().isZero()) {
      key("for", AlertCondition.words(c.sustainedFor()));
    }
    key("min-samples", String.valueOf(c.minSamples()));
    key("notify", list(rule.channels().stream().map(RuleFileWriter::channel).toList()));
    key("respond-within", AlertCondition.words(rule.respondWithin()));
    if (!rule.repeatInterval().equals(AlertRule.DEFAULT_REPEAT_INTERVAL)) {
      key("repeat-every", AlertCondition.words(rule.repeatInterval()));
    }
    if (!rule.keepFiringFor().isZero()) {
      key("keep-firing-for", AlertCondition.words(rule.keepFiringFor()));
    }
    if (rule.onNoData() != NoDataPolicy.IGNORE) {
      key("on-no-data", rule.onNoData().name().toLowerCase(Locale.ROOT));
    }
    key("every", AlertCondition.words(rule.every()));
    runbook(rule.runbook());
  }

  private void threshold(AlertCondition c) {
    BigDecimal t = c.threshold();
    boolean ratio =
        c.aggregation() instanceof Aggregation.ShareOf
            || c.aggregation() instanceof Aggregation.ChangeVsBaseline;
    if (c.aggregation() instanceof Aggregation.ChangeVsBaseline
        && c.comparison() == Comparison.AT_MOST
        && t.signum() < 0) {
      key("drop-at-least", percent(t.negate()));
      return;
    }
    // As many decimals as the threshold has, so that it reads back equal (0.80, not 0.8).
    String value = ratio ? percent(t) : t.toPlainString();
    String name =
        switch (c.comparison()) {
          case ABOVE -> "above";
          case AT_LEAST -> "at-least";
          case BELOW -> "below";
          case AT_MOST -> "at-most";
        };
    key(name, value);
  }

  private static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).toPlainString() + "%";
  }

  private void runbook(Runbook runbook) {
    if (runbook.isEmpty()) {
      return;
    }
    out.append("    runbook:\n");
    if (runbook.url() != null) {
      out.append("      url: ").append(scalar(runbook.url().toString())).append('\n');
    }
    if (!runbook.steps().isEmpty()) {
      out.append("      steps:\n");
      for (String step : runbook.steps()) {
        out.append("        - ").append(scalar(step)).append('\n');
      }
    }
  }

  private void key(String name, String value) {
    out.append("    ").append(name).append(": ").append(value).append('\n');
  }

  private static String map(Map<String, String> entries) {
    StringBuilder text = new StringBuilder("{");
    entries.forEach(
        (k, v) -> {
          if (text.length() > 1) {
            text.append(", ");
          }
          text.append(scalar(k)).append(": ").append(scalar(v));
        });
    return text.append('}').toString();
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items.stream().map(RuleFileWriter::scalar).toList()) + "]";
  }

  /** {@code text} plain when YAML reads it back as the same text, else double-quoted. */
  static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !SPECIAL.matcher(text).matches() && !text.endsWith(" ")) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (ch < 0x20 || ch == 0x7f || ch == 0x85 || ch == 0x2028 || ch == 0x2029) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            quoted.append(ch);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static String channel(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
