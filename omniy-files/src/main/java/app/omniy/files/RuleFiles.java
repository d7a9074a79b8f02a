package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertCondition;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.NoDataPolicy;
import app.omniy.core.alert.Runbook;
import app.omniy.core.alert.TagFilter;
import app.omniy.core.alert.silence.Inhibition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads alert rule files shaped like the operations guide's YAML (ALERT-4): severity groups ({@code
 * critical}/{@code warning}/{@code info}, or the guide's クリティカル/警告/情報), each mapping the rule's
 * name — Japanese or English — to its condition:
 *
 * <pre>{@code
 * critical:
 *   サービス停止:
 *     id: ALERT-C1
 *     metric: http.server.requests
 *     share-of: {status: "5xx"}
 *     above: 10%
 *     over: 5m
 *     min-samples: 20
 *     notify: [slack, sms, email]
 *     respond-within: 15m
 * }</pre>
 *
 * <p>Keys of a rule: {@code id} and {@code metric} (required); {@code where} (tag filter), {@code
 * group-by}, {@code labels}; one aggregation of {@code share-of} (tag filter of the numerator),
 * {@code percentile}, {@code change-vs} (baseline length) or {@code aggregate} ({@code mean},
 * {@code max}, {@code latest}, {@code events}; {@code latest} when none is given); one threshold of
 * {@code above}, {@code at-least}, {@code below}, {@code at-most} or {@code drop-at-least} (with
 * {@code change-vs}: "down by that much or more"); {@code over} (default 5m), {@code for}, {@code
 * min-samples} (default 20 for shares, else 1), {@code notify} and {@code respond-within}
 * (required), {@code repeat-every} (default 4h), {@code keep-firing-for} (default 0), {@code
 * on-no-data} ({@code ignore}, the default, or {@code alert}), {@code every} (how often it is
 * evaluated, 1s to 1d, default 1m) and {@code runbook} ({@code {url: https://…, steps: [first step,
 * …]}}). Thresholds are written {@code 10%}, {@code 2s}, {@code 500ms} or as plain numbers;
 * durations as {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. A number (threshold, percentile)
 * has at most 12 digits before the decimal point and 7 after it, an exponent allowed ({@code
 * 1.5e3}); a finer or larger one is refused, never rounded. Every duration is at most {@code
 * AlertCondition.MAX_DURATION} (366d). Values are echoed in problems as written ({@code 1e999}, not
 * {@code Infinity}), cut after 200 characters.
 *
 * <p>Besides the severity groups, a file may hold {@code inhibit:}, the inhibitions (ALERT-2):
 * while an alert matching {@code source} fires, the alerts matching {@code target} are not
 * notified; {@code equal} (optional) names labels that must have the same value on both. Matchers
 * are {@code id} (the rule id) or a label name, with the value to equal. Without {@code inhibit:}
 * the default holds ({@link Inhibition#DEFAULTS}: ALERT-C1 inhibits ALERT-W1 and ALERT-W4); {@code
 * inhibit: []} turns inhibition off ({@link #parseInhibitions}).
 *
 * <pre>{@code
 * inhibit:
 *   - source: {id: ALERT-C1}
 *     target: {id: ALERT-W1}
 *   - source: {id: ALERT-C1}
 *     target: {id: ALERT-W4}
 * }</pre>
 *
 * <p>Every problem is reported at once, each as {@code FILE:LINE: path.to.field: problem}, in a
 * {@link FileProblemsException}; a file is accepted whole or not at all.
 */
public final class RuleFiles {
  private static final ObjectMapper YAML = ConfigFiles.yamlMapper();
  private static final String INHIBIT = "inhibit";

  private RuleFiles() {}

  /**
   * The rules of {@code file}, in file order.
   *
   * @throws InvalidFileException if the file cannot be read or is not YAML; {@link
   *     FileProblemsException} with every problem if its rules are wrong
   */
  public static List<AlertRule> read(Path file) {
    return parse(file, ConfigFiles.readBytes(file));
  }

  /**
   * The rules in {@code content}, read as if from {@code file}. The content is bounded as {@link
   * ConfigFiles#parse} bounds YAML before it is parsed.
   */
  public static List<AlertRule> parse(Path file, byte[] content) {
    return parseAll(file, content).rules;
  }

  /**
   * The inhibitions of {@code file}: its {@code inhibit:} list, or {@link Inhibition#DEFAULTS} when
   * it has none. The whole file is checked, as {@link #read} checks it.
   *
   * @throws InvalidFileException if the file cannot be read or is not YAML; {@link
   *     FileProblemsException} with every problem if the file is wrong
   */
  public static List<Inhibition> readInhibitions(Path file) {
    return parseInhibitions(file, ConfigFiles.readBytes(file));
  }

  /**
   * The inhibitions in {@code content}, read as if from {@code file} ({@link #readInhibitions}).
   */
  public static List<Inhibition> parseInhibitions(Path file, byte[] content) {
    Parsed parsed = parseAll(file, content);
    return parsed.inhibitions == null ? Inhibition.DEFAULTS : parsed.inhibitions;
  }

  private record Parsed(List<AlertRule> rules, @Nullable List<Inhibition> inhibitions) {}

  private static Parsed parseAll(Path file, byte[] content) {
    FileLimits.check(file, content, true);
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (JsonProcessingException e) {
      throw FileErrors.describe(YAML, file, content, e);
    } catch (CharConversionException e) {
      throw FileErrors.notText(file, e);
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, 0, "", "cannot be read: " + e.getMessage());
    }
    Problems problems = new Problems(file);
    Reader reader = new Reader(problems, new YamlLines(YAML, content));
    List<AlertRule> rules = reader.file(root);
    problems.throwIfAny();
    return new Parsed(rules, reader.inhibitions);
  }

  /**
   * {@code rules} as a rule file that {@link #parse} reads back into equal rules, grouped by
   * severity in the order given, each key written (defaults too, except an empty one), led by
   * {@code comment} as {@code #} lines: what {@code omniy rules defaults} prints. Thresholds are
   * written as percentages for shares and changes, else as plain numbers.
   *
   * @throws InvalidValueException naming {@code rules} if the file would not read back into equal
   *     rules: two rules of one severity share a name (a file keys rules by name), or a value is
   *     finer than a file writes it (a threshold with more than 7 decimal places as written)
   */
  public static String write(List<AlertRule> rules, String comment) {
    String text = RuleFileWriter.write(rules, comment);
    List<AlertRule> grouped = new ArrayList<>();
    for (AlertSeverity severity : AlertSeverity.values()) {
      rules.stream().filter(r -> r.severity() == severity).forEach(grouped::add);
    }
    List<AlertRule> back;
    try {
      back = parse(Path.of("rules.yaml"), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (InvalidFileException e) {
      throw new InvalidValueException(
          "rules", null, "cannot be written as a file: " + e.getMessage());
    }
    for (int i = 0; i < grouped.size(); i++) {
      if (!back.get(i).equals(grouped.get(i))) {
        throw new InvalidValueException(
            "rules", grouped.get(i).id(), "cannot be written as a file that reads back the same");
      }
    }
    return text;
  }

  /**
   * The built-in rules ({@code DefaultAlertRules.all()}) as a rule file, with a comment saying so:
   * what {@code omniy rules defaults} prints, a starting point to edit.
   */
  public static String defaults() {
    return write(
        DefaultAlertRules.all(),
        "Omniy's built-in alert rules (DefaultAlertRules.all()): the operations guide's eleven\n"
            + "(ALERT-C1 … ALERT-I3), MNT-3's maintenance rule and SUP-1's support rule. Edit and load\n"
            + "with ReloadableRules; check with: omniy rules check FILE");
  }

  /** The severity a group key names, or null. */
  static AlertSeverity severity(String group) {
    return switch (group.strip().toLowerCase(Locale.ROOT)) {
      case "critical", "クリティカル", "クリティカルアラート" -> AlertSeverity.CRITICAL;
      case "warning", "警告", "警告アラート" -> AlertSeverity.WARNING;
      case "info", "情報", "情報アラート" -> AlertSeverity.INFO;
      default -> null;
    };
  }

  /** Walks the tree, collecting rules and problems. */
  private static final class Reader {
    private static final List<String> KEYS =
        List.of(
            "id",
            "metric",
            "where",
            "group-by",
            "labels",
            "share-of",
            "percentile",
            "change-vs",
            "aggregate",
            "above",
            "at-least",
            "below",
            "at-most",
            "drop-at-least",
            "over",
            "for",
            "min-samples",
            "notify",
            "respond-within",
            "repeat-every",
            "keep-firing-for",
            "on-no-data",
            "every",
            "runbook");
    private static final List<String> AGGREGATIONS =
        List.of("share-of", "percentile", "change-vs", "aggregate");
    private static final List<String> THRESHOLDS =
        List.of("above", "at-least", "below", "at-most", "drop-at-least");

    private final Problems problems;
    private final YamlLines lines;
    private final Map<String, String> idPaths = new HashMap<>();
    private @Nullable List<Inhibition> inhibitions;

    Reader(Problems problems, YamlLines lines) {
      this.problems = problems;
      this.lines = lines;
    }

    private void problem(List<String> path, String reason) {
      problems.add(lines.line(path), String.join(".", path), reason);
    }

    List<AlertRule> file(JsonNode root) {
      List<AlertRule> rules = new ArrayList<>();
      if (root == null || root.isMissingNode() || root.isNull()) {
        problem(List.of(), "holds no rules");
        return rules;
      }
      if (!root.isObject()) {
        problem(List.of(), "must map severity groups (critical, warning, info) to rules");
        return rules;
      }
      root.properties()
          .forEach(
              group -> {
                List<String> path = List.of(group.getKey());
                AlertSeverity severity = severity(group.getKey());
                if (INHIBIT.equals(group.getKey())) {
                  inhibitions = inhibitions(group.getValue(), path);
                } else if (severity == null) {
                  problem(
                      path,
                      "unknown severity group "
                          + quoted(group.getKey())
                          + " (expected critical, warning or info)");
                } else if (!group.getValue().isObject()) {
                  problem(path, "must map rule names to rules");
                } else {
                  group
                      .getValue()
                      .properties()
                      .forEach(
                          rule -> {
                            AlertRule read =
                                rule(
                                    severity,
                                    append(path, rule.getKey()),
                                    rule.getKey(),
                                    rule.getValue());
                            if (read != null) {
                              rules.add(read);
                            }
                          });
                }
              });
      return rules;
    }

    private AlertRule rule(AlertSeverity severity, List<String> path, String name, JsonNode node) {
      if (!node.isObject()) {
        problem(path, "must be a mapping of the rule's keys (id, metric, …)");
        return null;
      }
      int before = problemsCount();
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (!KEYS.contains(key)) {
                  problem(append(path, key), "unknown key " + quoted(key));
                }
              });
      String id = text(node, path, "id", true);
      if (id != null) {
        String first = idPaths.putIfAbsent(id, String.join(".", path));
        if (first != null) {
          problem(
              append(path, "id"),
              quoted(id) + " is already the id of " + InvalidValueException.shown(first));
        }
      }
      AlertRule.Builder builder = AlertRule.builder(id == null ? "?" : id).name(name);
      builder.severity(severity);
      String metric = text(node, path, "metric", true);
      Map<String, String> where = tags(node, path, "where");
      builder.metric(metric == null ? "?" : metric, new TagFilter(where));
      builder.groupBy(strings(node, path, "group-by").toArray(new String[0]));
      tags(node, path, "labels").forEach(builder::label);
      boolean share = aggregation(node, path, builder);
      threshold(node, path, builder);
      duration(node, path, "over", builder::over);
      duration(node, path, "for", builder::sustainedFor);
      duration(node, path, "respond-within", builder::respondWithin);
      duration(node, path, "repeat-every", builder::repeatInterval);
      duration(node, path, "keep-firing-for", builder::keepFiringFor);
      duration(
          node,
          path,
          "every",
          every -> {
            // Checked here, not by build(), so it is reported with the rule's other problems.
            if (every.compareTo(AlertRule.MIN_EVERY) < 0
                || every.compareTo(AlertRule.MAX_EVERY) > 0) {
              problem(
                  append(path, "every"),
                  quoted(written(node.get("every"), append(path, "every")))
                      + " must be from 1s to 1d in whole milliseconds");
            } else {
              builder.every(every);
            }
          });
      onNoData(node, path, builder);
      runbook(node, path, builder);
      if (!node.has("respond-within")) {
        problem(append(path, "respond-within"), "is required");
      }
      builder.minSamples(share ? 20 : 1);
      if (node.has("min-samples")) {
        JsonNode min = node.get("min-samples");
        List<String> at = append(path, "min-samples");
        if (!min.canConvertToLong() || !min.isIntegralNumber() || min.asLong() < 1) {
          problem(at, quoted(written(min, at)) + " must be a whole number ≥ 1");
        } else {
          builder.minSamples(min.asLong());
        }
      }
      builder.channels(channels(node, path).toArray(new Channel[0]));
      if (problemsCount() > before) {
        return null;
      }
      try {
        return builder.build();
      } catch (InvalidValueException e) {
        problem(
            append(path, e.field()),
            e.value() == null ? e.reason() : "'" + e.value() + "' " + e.reason());
        return null;
      }
    }

    private void onNoData(JsonNode node, List<String> path, AlertRule.Builder builder) {
      JsonNode value = node.get("on-no-data");
      if (value == null) {
        return;
      }
      List<String> at = append(path, "on-no-data");
      String text = value.isValueNode() ? value.asText().strip() : written(value, at);
      switch (text) {
        case "ignore" -> builder.onNoData(NoDataPolicy.IGNORE);
        case "alert" -> builder.onNoData(NoDataPolicy.ALERT);
        default -> problem(at, quoted(text) + " must be ignore or alert");
      }
    }

    /** {@code runbook: {url: https://…, steps: [first, second]}}; either key may be left out. */
    private void runbook(JsonNode node, List<String> path, AlertRule.Builder builder) {
      JsonNode value = node.get("runbook");
      if (value == null) {
        return;
      }
      List<String> at = append(path, "runbook");
      if (!value.isObject()) {
        problem(at, "must be a mapping such as {url: https://…, steps: [first step, …]}");
        return;
      }
      int before = problemsCount();
      value
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (!key.equals("url") && !key.equals("steps")) {
                  problem(append(at, key), "unknown key " + quoted(key) + " (expected url, steps)");
                }
              });
      URI url = null;
      String link = text(value, at, "url", false);
      if (link != null) {
        try {
          url = new URI(link);
        } catch (URISyntaxException e) {
          problem(append(at, "url"), quoted(link) + " is not a URL");
        }
      }
      List<String> steps = strings(value, at, "steps");
      if (problemsCount() > before) {
        return;
      }
      try {
        builder.runbook(new Runbook(url, steps));
      } catch (InvalidValueException e) {
        List<String> field = new ArrayList<>(path);
        field.addAll(List.of(e.field().split("\\.")));
        problem(field, quoted(String.valueOf(e.value())) + " " + e.reason());
      }
    }

    private List<Inhibition> inhibitions(JsonNode node, List<String> path) {
      List<Inhibition> read = new ArrayList<>();
      if (!node.isArray()) {
        problem(path, "must be a list of {source: {…}, target: {…}, equal: […]}");
        return read;
      }
      for (int i = 0; i < node.size(); i++) {
        List<String> at = append(path, String.valueOf(i));
        JsonNode item = node.get(i);
        if (!item.isObject()) {
          problem(at, "must be a mapping of source, target and equal");
          continue;
        }
        int before = problemsCount();
        item.fieldNames()
            .forEachRemaining(
                key -> {
                  if (!List.of("source", "target", "equal").contains(key)) {
                    problem(
                        append(at, key),
                        "unknown key " + quoted(key) + " (expected source, target, equal)");
                  }
                });
        for (String side : List.of("source", "target")) {
          if (!item.has(side) || item.get(side).isNull()) {
            problem(append(at, side), "is required");
          } else if (item.get(side).isObject() && item.get(side).isEmpty()) {
            problem(append(at, side), "needs at least one matcher, such as {id: ALERT-C1}");
          }
        }
        Map<String, String> source = tags(item, at, "source");
        Map<String, String> target = tags(item, at, "target");
        List<String> equal = strings(item, at, "equal");
        if (problemsCount() > before) {
          continue;
        }
        try {
          read.add(new Inhibition(source, target, equal));
        } catch (InvalidValueException e) {
          problem(append(at, e.field()), e.reason());
        }
      }
      return read;
    }

    private int problemsCount() {
      return problems.size();
    }

    /** Reads the aggregation; returns whether it is a share. */
    private boolean aggregation(JsonNode node, List<String> path, AlertRule.Builder builder) {
      List<String> given = AGGREGATIONS.stream().filter(node::has).toList();
      if (given.size() > 1) {
        problem(
            append(path, given.get(1)),
            "conflicts with '" + given.get(0) + "': give one aggregation");
        return false;
      }
      if (given.isEmpty()) {
        builder.aggregation(new Aggregation.Latest());
        return false;
      }
      String key = given.get(0);
      List<String> at = append(path, key);
      JsonNode value = node.get(key);
      switch (key) {
        case "share-of" -> {
          Map<String, String> numerator = tags(node, path, key);
          if (numerator.isEmpty() && value.isObject()) {
            problem(at, "must name at least one tag, such as {status: \"5xx\"}");
          }
          builder.aggregation(new Aggregation.ShareOf(new TagFilter(numerator)));
          return true;
        }
        case "percentile" -> {
          String text = written(value, at);
          BigDecimal p;
          try {
            p = value.isValueNode() ? Values.number(text, key) : null;
          } catch (InvalidValueException e) {
            problem(at, quoted(text) + " " + e.reason());
            return false;
          }
          if (p == null || p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            problem(at, quoted(text) + " must be a number above 0 and at most 100");
          } else {
            builder.aggregation(new Aggregation.Percentile(p));
          }
        }
        case "change-vs" -> {
          Duration baseline = duration(value, at);
          if (baseline != null) {
            builder.aggregation(new Aggregation.ChangeVsBaseline(baseline));
          }
        }
        default -> {
          Aggregation aggregation =
              switch (value.asText()) {
                case "mean" -> new Aggregation.Mean();
                case "max" -> new Aggregation.Max();
                case "latest" -> new Aggregation.Latest();
                case "events" -> new Aggregation.Occurrence();
                default -> null;
              };
          if (aggregation == null) {
            problem(at, quoted(written(value, at)) + " must be one of mean, max, latest, events");
          } else {
            builder.aggregation(aggregation);
          }
        }
      }
      return false;
    }

    private void threshold(JsonNode node, List<String> path, AlertRule.Builder builder) {
      List<String> given = THRESHOLDS.stream().filter(node::has).toList();
      if (given.isEmpty()) {
        problem(path, "needs a threshold: one of above, at-least, below, at-most, drop-at-least");
        return;
      }
      if (given.size() > 1) {
        problem(
            append(path, given.get(1)),
            "conflicts with '" + given.get(0) + "': give one threshold");
        return;
      }
      String key = given.get(0);
      JsonNode value = node.get(key);
      List<String> at = append(path, key);
      String text = written(value, at);
      BigDecimal threshold;
      try {
        threshold = value.isValueNode() ? Values.threshold(text, key) : null;
      } catch (InvalidValueException e) {
        problem(at, quoted(text) + " " + e.reason());
        return;
      }
      if (threshold == null) {
        problem(at, quoted(text) + " must be a number, a percentage (10%) or a time (2s, 500ms)");
        return;
      }
      switch (key) {
        case "above" -> builder.when(Comparison.ABOVE, threshold);
        case "at-least" -> builder.when(Comparison.AT_LEAST, threshold);
        case "below" -> builder.when(Comparison.BELOW, threshold);
        case "at-most" -> builder.when(Comparison.AT_MOST, threshold);
        default -> {
          if (!node.has("change-vs")) {
            problem(append(path, key), "needs 'change-vs': a drop is measured against a baseline");
          }
          // "down 20% or more" (ALERT-1, inclusive): a change of at most −20%.
          builder.when(Comparison.AT_MOST, threshold.abs().negate());
        }
      }
    }

    private void duration(JsonNode node, List<String> path, String key, Consumer<Duration> set) {
      JsonNode value = node.get(key);
      if (value == null) {
        return;
      }
      Duration duration = duration(value, append(path, key));
      if (duration != null) {
        set.accept(duration);
      }
    }

    /**
     * The duration {@code value} at {@code at}, or null after reporting why it is none. Each is
     * checked against {@link AlertCondition#MAX_DURATION} here, so that every duration beyond it is
     * reported at once (the rule's own check stops at the first).
     */
    private @Nullable Duration duration(JsonNode value, List<String> at) {
      String text = written(value, at);
      Duration duration = value.isValueNode() ? Values.duration(text) : null;
      if (duration == null) {
        problem(at, quoted(text) + " " + Values.DURATION_HINT);
        return null;
      }
      if (duration.compareTo(AlertCondition.MAX_DURATION) > 0) {
        problem(
            at,
            quoted(text) + " must be at most " + AlertCondition.words(AlertCondition.MAX_DURATION));
        return null;
      }
      return duration;
    }

    /**
     * {@code value} as the file wrote it: a floating-point number's own text ({@code 1e999}, which
     * the tree holds as {@code Infinity}), anything else as its text.
     */
    private String written(JsonNode value, List<String> at) {
      if (value.isFloatingPointNumber()) {
        String text = lines.writtenNumber(at);
        if (text != null) {
          return text;
        }
      }
      return value.asText();
    }

    private List<Channel> channels(JsonNode node, List<String> path) {
      List<Channel> channels = new ArrayList<>();
      if (!node.has("notify")) {
        problem(append(path, "notify"), "is required: a list such as [slack, email]");
        return channels;
      }
      List<String> names = strings(node, path, "notify");
      for (int i = 0; i < names.size(); i++) {
        try {
          Channel channel = Channel.valueOf(names.get(i).strip().toUpperCase(Locale.ROOT));
          if (channels.contains(channel)) {
            problem(
                append(append(path, "notify"), String.valueOf(i)),
                quoted(names.get(i)) + " is already listed; name each channel once");
          }
          channels.add(channel);
        } catch (IllegalArgumentException e) {
          problem(
              append(append(path, "notify"), String.valueOf(i)),
              "unknown channel "
                  + quoted(names.get(i))
                  + " (expected slack, sms, email or webhook)");
        }
      }
      if (names.isEmpty() && node.get("notify").isArray()) {
        problem(append(path, "notify"), "must name at least one channel");
      }
      return channels;
    }

    private String text(JsonNode node, List<String> path, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (required) {
          problem(append(path, key), "is required");
        }
        return null;
      }
      if (!value.isValueNode() || value.asText().isBlank()) {
        problem(append(path, key), "must be a non-blank text");
        return null;
      }
      return value.asText().strip();
    }

    private List<String> strings(JsonNode node, List<String> path, String key) {
      JsonNode value = node.get(key);
      List<String> strings = new ArrayList<>();
      if (value == null) {
        return strings;
      }
      if (!value.isArray()) {
        problem(append(path, key), "must be a list such as [a, b]");
        return strings;
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isValueNode() || item.asText().isBlank()) {
          problem(append(append(path, key), String.valueOf(i)), "must be a non-blank text");
        } else {
          strings.add(item.asText());
        }
      }
      return strings;
    }

    private Map<String, String> tags(JsonNode node, List<String> path, String key) {
      JsonNode value = node.get(key);
      Map<String, String> tags = new LinkedHashMap<>();
      if (value == null) {
        return tags;
      }
      if (!value.isObject()) {
        problem(
            append(path, key),
            "must be a mapping of tag names to values, such as {outcome: failure}");
        return tags;
      }
      value
          .properties()
          .forEach(
              entry -> {
                if (!entry.getValue().isValueNode() || entry.getValue().asText().isBlank()) {
                  problem(append(append(path, key), entry.getKey()), "must be a non-blank text");
                } else {
                  tags.put(entry.getKey(), entry.getValue().asText());
                }
              });
      return tags;
    }

    /** {@code text} in quotes, cut as {@link InvalidValueException#shown} cuts it. */
    private static String quoted(String text) {
      return "'" + InvalidValueException.shown(text) + "'";
    }

    private static List<String> append(List<String> path, String segment) {
      List<String> longer = new ArrayList<>(path);
      longer.add(segment);
      return longer;
    }
  }
}
