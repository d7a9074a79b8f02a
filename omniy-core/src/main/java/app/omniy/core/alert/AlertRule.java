package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert rule (ALERT table): a condition, a severity, the channels to notify, the response
 * deadline (ALERT-3) and how often a steady firing alert is re-sent (ALERT-2).
 *
 * @param id the rule's ID, such as {@code ALERT-C1}
 * @param name the rule's name as the operator wrote it (the guide's names are Japanese)
 * @param severity how urgent it is
 * @param condition when it holds
 * @param channels where its notifications go; at least one
 * @param respondWithin the response deadline, counted from the moment it fires
 * @param repeatInterval how long a steady firing alert stays quiet before it is re-sent
 * @param labels labels added to every alert of this rule
 * @param keepFiringFor how long a firing alert stays firing after its condition last held
 *     (Prometheus's {@code keep_firing_for}); zero resolves at the first evaluation at which it
 *     does not hold (ALERT-2)
 * @param onNoData whether a window without data counts as the condition holding
 * @param every how often the rule is evaluated (ALERT-5), from 1 second to 1 day
 * @param runbook what to do when it fires; {@link Runbook#NONE} for nothing
 */
public record AlertRule(
    String id,
    String name,
    AlertSeverity severity,
    AlertCondition condition,
    Set<Channel> channels,
    Duration respondWithin,
    Duration repeatInterval,
    Map<String, String> labels,
    Duration keepFiringFor,
    NoDataPolicy onNoData,
    Duration every,
    Runbook runbook) {

  /** Alertmanager's default {@code repeat_interval}: 4 hours. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  /**
   * How often a rule is evaluated when it does not say: every minute, ALERT-5's infrastructure
   * cadence and the runtime's historical one.
   */
  public static final Duration DEFAULT_EVERY = MonitoringLayer.INFRASTRUCTURE.cadence();

  /** The shortest evaluation interval. */
  public static final Duration MIN_EVERY = Duration.ofSeconds(1);

  /** The longest evaluation interval. */
  public static final Duration MAX_EVERY = Duration.ofDays(1);

  /**
   * @throws InvalidValueException naming the field, if one is missing or out of range
   */
  public AlertRule {
    Require.nonBlank(id, "id");
    Require.nonBlank(name, "name");
    Require.nonNull(severity, "severity");
    Require.nonNull(condition, "condition");
    Require.nonNull(channels, "notify");
    if (channels.isEmpty()) {
      throw new InvalidValueException("notify", "[]", "must name at least one channel");
    }
    // Enum order and declaration order, not Set.copyOf's per-JVM order: notifications list
    // channels and labels the same way on every run.
    channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
    AlertCondition.atMostMaxDuration(
        Require.positive(respondWithin, "respond-within"), "respond-within");
    AlertCondition.atMostMaxDuration(
        Require.positive(repeatInterval, "repeat-every"), "repeat-every");
    Require.nonNull(labels, "labels");
    labels.forEach(
        (key, value) -> Require.nonNull(value, "labels." + Require.nonNull(key, "labels")));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    AlertCondition.atMostMaxDuration(
        Require.nonNegative(keepFiringFor, "keep-firing-for"), "keep-firing-for");
    Require.nonNull(onNoData, "on-no-data");
    Require.nonNull(every, "every");
    if (every.compareTo(MIN_EVERY) < 0
        || every.compareTo(MAX_EVERY) > 0
        || every.getNano() % 1_000_000 != 0) {
      throw new InvalidValueException(
          "every",
          every.isNegative() ? every : AlertCondition.words(every),
          "must be from 1s to 1d in whole milliseconds");
    }
    Require.nonNull(runbook, "runbook");
  }

  /**
   * A rule that resolves as soon as its condition stops holding, ignores absent data, is evaluated
   * every minute and has no runbook.
   */
  public AlertRule(
      String id,
      String name,
      AlertSeverity severity,
      AlertCondition condition,
      Set<Channel> channels,
      Duration respondWithin,
      Duration repeatInterval,
      Map<String, String> labels) {
    this(
        id,
        name,
        severity,
        condition,
        channels,
        respondWithin,
        repeatInterval,
        labels,
        Duration.ZERO,
        NoDataPolicy.IGNORE,
        DEFAULT_EVERY,
        Runbook.NONE);
  }

  /** A builder for a rule with the given ID. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The rule in one line: id, severity, condition in words, channels, deadline — what {@code omniy
   * rules check} prints.
   */
  public String describe() {
    List<String> names = new ArrayList<>();
    for (Channel channel : channels) {
      names.add(channel.name().toLowerCase(java.util.Locale.ROOT));
    }
    return id
        + " "
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + name
        + ": "
        + condition.describe()
        + "; notify "
        + String.join(", ", names)
        + "; respond within "
        + AlertCondition.words(respondWithin)
        + (keepFiringFor.isZero() ? "" : "; keep firing " + AlertCondition.words(keepFiringFor))
        + (onNoData == NoDataPolicy.ALERT ? "; alert on no data" : "")
        + "; every "
        + AlertCondition.words(every);
  }

  /** Builds a rule; {@link #build()} validates the whole rule at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private AlertSeverity severity = AlertSeverity.WARNING;
    private String metric = "";
    private TagFilter filter = TagFilter.ANY;
    private List<String> groupBy = List.of();
    private Aggregation aggregation = new Aggregation.Latest();
    private Comparison comparison = Comparison.ABOVE;
    private BigDecimal threshold = BigDecimal.ZERO;
    private Duration over = Duration.ofMinutes(5);
    private Duration sustainedFor = Duration.ZERO;
    private long minSamples = 1;
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private Duration respondWithin = Duration.ofHours(1);
    private Duration repeatInterval = DEFAULT_REPEAT_INTERVAL;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Duration keepFiringFor = Duration.ZERO;
    private NoDataPolicy onNoData = NoDataPolicy.IGNORE;
    private Duration every = DEFAULT_EVERY;
    private Runbook runbook = Runbook.NONE;

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    /** The rule's name; defaults to its ID. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder severity(AlertSeverity severity) {
      this.severity = severity;
      return this;
    }

    /** The meter to read, with the samples of it that count. */
    public Builder metric(String metric, TagFilter filter) {
      this.metric = metric;
      this.filter = filter;
      return this;
    }

    /** The meter to read, all of its samples. */
    public Builder metric(String metric) {
      return metric(metric, TagFilter.ANY);
    }

    /** Tags whose values make separate alerts. */
    public Builder groupBy(String... tags) {
      this.groupBy = List.of(tags);
      return this;
    }

    public Builder aggregation(Aggregation aggregation) {
      this.aggregation = aggregation;
      return this;
    }

    /** Fires when the aggregated value compares to {@code threshold} as {@code comparison}. */
    public Builder when(Comparison comparison, BigDecimal threshold) {
      this.comparison = comparison;
      this.threshold = threshold;
      return this;
    }

    /**
     * {@link #when} with the threshold written as a decimal, e.g. {@code "0.10"}.
     *
     * @throws InvalidValueException naming {@code threshold} if the text is not a decimal number or
     *     has more digits than a threshold holds (see {@link AlertCondition#threshold()})
     */
    public Builder when(Comparison comparison, String threshold) {
      return when(
          comparison,
          Require.decimal(
              threshold,
              AlertCondition.THRESHOLD_INTEGER_DIGITS,
              AlertCondition.THRESHOLD_DECIMAL_PLACES,
              "threshold"));
    }

    /** The sliding window's length (ALERT-1 "over"); defaults to 5 minutes. */
    public Builder over(Duration over) {
      this.over = over;
      return this;
    }

    /** How long the condition must hold at every evaluation before firing (ALERT-1 "for"). */
    public Builder sustainedFor(Duration sustainedFor) {
      this.sustainedFor = sustainedFor;
      return this;
    }

    /** Fewer samples in the window is "too little data"; defaults to 1. */
    public Builder minSamples(long minSamples) {
      this.minSamples = minSamples;
      return this;
    }

    /** Where notifications go (the guide's "通知"); a channel named twice is notified once. */
    public Builder channels(Channel... channels) {
      this.channels = EnumSet.noneOf(Channel.class);
      for (Channel channel : channels) {
        this.channels.add(Require.nonNull(channel, "notify"));
      }
      return this;
    }

    /** The response deadline (ALERT-3); defaults to 1 hour. */
    public Builder respondWithin(Duration respondWithin) {
      this.respondWithin = respondWithin;
      return this;
    }

    /** How often a steady firing alert is re-sent (ALERT-2); defaults to 4 hours. */
    public Builder repeatInterval(Duration repeatInterval) {
      this.repeatInterval = repeatInterval;
      return this;
    }

    public Builder label(String name, String value) {
      labels.put(Require.nonBlank(name, "labels"), Require.nonNull(value, "labels." + name));
      return this;
    }

    /**
     * How long a firing alert stays firing after its condition last held (Prometheus's {@code
     * keep_firing_for}); defaults to zero: it resolves at the first evaluation at which its
     * condition does not hold (ALERT-2).
     */
    public Builder keepFiringFor(Duration keepFiringFor) {
      this.keepFiringFor = keepFiringFor;
      return this;
    }

    /** Whether a window without data counts as the condition holding; defaults to ignore. */
    public Builder onNoData(NoDataPolicy onNoData) {
      this.onNoData = onNoData;
      return this;
    }

    /** How often the rule is evaluated (ALERT-5); defaults to every minute. */
    public Builder every(Duration every) {
      this.every = every;
      return this;
    }

    /** Evaluated at {@code layer}'s cadence (ALERT-5). */
    public Builder every(MonitoringLayer layer) {
      return every(Require.nonNull(layer, "every").cadence());
    }

    /** What to do when it fires; notifications carry it. */
    public Builder runbook(Runbook runbook) {
      this.runbook = runbook;
      return this;
    }

    /**
     * @throws InvalidValueException naming the first field that is missing or out of range
     */
    public AlertRule build() {
      AlertCondition condition =
          new AlertCondition(
              metric,
              filter,
              groupBy,
              aggregation,
              comparison,
              threshold,
              over,
              sustainedFor,
              minSamples);
      return new AlertRule(
          id,
          name,
          severity,
          condition,
          channels,
          respondWithin,
          repeatInterval,
          labels,
          keepFiringFor,
          onNoData,
          every,
          runbook);
    }
  }
}
