package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.files.Replay;
import app.omniy.files.RuleFiles;
import app.omniy.files.Sample;
import app.omniy.files.SampleFiles;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The replay loop of {@code omniy rules eval} (ALERT-4, ALERT-5): {@link Replay} started with a
 * generated rule file, a step and an end, then fed a generated sequence of samples — times in and
 * out of order, before 1970 and after 9999, a year and more after the first; values NaN, infinite,
 * negative, fractional and huge counts; odd metric names and tags — and finished. Every call either
 * runs or is a documented refusal ({@link Documented}), and the replay streams: a change found
 * while a sample is fed lies between the sample before it and this sample, a change found by {@code
 * finish} lies at or after the last sample, times never go back and sit on the step's grid, and one
 * evaluation hands over at most one change per alert, alerts being at most one per rule and label
 * set fed (memory grows with label sets, not with samples or evaluations).
 *
 * <p>Inputs are kept to several hundred evaluations each, so a finding is about what the replay
 * does, not how long a legitimately long replay takes: a step under twelve hours gets samples and
 * an end within about {@value #NARROW_STEPS} steps of the first sample, only a step of twelve hours
 * or more the full {@link Replay#MAX_SPAN} (at most 732 evaluations).
 */
class ReplayFuzzTest {
  private static final Path FILE = Path.of("rules.yaml");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration WIDE = Duration.ofHours(12);
  private static final int NARROW_STEPS = 300;

  private static final String[] METRICS = {
    "http.server.requests", "omniy.api.latency", "system.cpu.usage", "m", "",
  };
  private static final String[] AGGREGATIONS = {
    "share-of: {status: \"5xx\"}",
    "share-of: {status: \"503\"}",
    "percentile: 95",
    "percentile: 0",
    "percentile: 100",
    "percentile: 99.9999999",
    "aggregate: mean",
    "aggregate: max",
    "aggregate: latest",
    "aggregate: events",
    "change-vs: 1h",
    "change-vs: 366d",
    "",
  };
  private static final String[] THRESHOLD_KEYS = {
    "above", "at-least", "below", "at-most", "drop-at-least"
  };
  private static final String[] THRESHOLDS = {
    "10%", "0%", "100%", "2s", "500ms", "0", "-1", "1e3", "1e-7", "999999999999", "0.0000001%", "1",
  };
  private static final String[] DURATIONS = {
    "1s", "1m", "5m", "15m", "1h", "1d", "7d", "366d", "367d", "0s", "1ms",
  };
  private static final Duration[] STEPS = {
    Duration.ofSeconds(1),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofHours(1),
    Duration.ofHours(6),
    WIDE,
    Duration.ofDays(1),
    Duration.ofMillis(999),
    Duration.ofDays(1).plusMillis(1),
    Duration.ofSeconds(1).plusNanos(500_000),
    Duration.ZERO,
    Duration.ofMinutes(-1),
  };
  private static final double[] VALUES = {
    0,
    -0.0,
    1,
    0.5,
    -1,
    12,
    1e15,
    1e15 + 2,
    1e300,
    Double.MAX_VALUE,
    Double.MIN_VALUE,
    Long.MAX_VALUE,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
  };

  @FuzzTest(maxDuration = "10s")
  void a_replay_streams_its_changes_or_refuses_with_a_documented_error(FuzzedDataProvider data) {
    List<AlertRule> rules = rules(data);
    Duration step =
        data.consumeBoolean()
            ? data.pickValue(STEPS)
            : Duration.ofMillis(data.consumeLong(-1_000, 90_000_000));
    boolean wide = step.compareTo(WIDE) >= 0;
    long stepMillis = Math.max(step.toMillis(), 1);
    Instant base = base(data, wide);
    Instant until = until(data, base, step, wide);

    List<Replay.Change> handed = new ArrayList<>();
    AtomicReference<Replay> started = new AtomicReference<>();
    if (!Documented.accepts(() -> started.set(Replay.start(rules, step, until, handed::add)))) {
      return;
    }
    Replay replay = started.get();
    Set<Map<String, String>> labelSets = new HashSet<>();
    Instant previous = null;
    Instant time = base;
    int samples = data.consumeInt(0, 20);
    Checker checker = new Checker(handed, rules.size(), stepMillis);
    for (int i = 0; i < samples; i++) {
      time = next(data, time, base, stepMillis, wide);
      Sample sample;
      try {
        sample = sample(data, time);
      } catch (InvalidValueException refused) {
        Documented.requireReadable(refused);
        assertThat(refused.field()).isEqualTo("value");
        continue;
      }
      Sample fed = sample;
      int before = handed.size();
      try {
        replay.feed(fed);
      } catch (InvalidValueException refused) {
        // A refusal names what was fed: the sample's time or value, or the replay's end.
        Documented.requireReadable(refused);
        assertThat(refused.field()).as("the refusal of %s", fed).isIn("time", "value", "until");
        checker.check(labelSets);
        continue;
      }
      labelSets.add(fed.tags());
      // Streaming: what this sample's feed handed over lies between the sample before it and
      // this one; nothing before this sample waits for a later call.
      for (Replay.Change change : handed.subList(before, handed.size())) {
        assertThat(change.at()).as("a change found while feeding %s", fed).isBefore(fed.at());
        if (previous != null) {
          assertThat(change.at())
              .as("a change found while feeding %s", fed)
              .isAfterOrEqualTo(previous);
        }
      }
      previous = fed.at();
      checker.check(labelSets);
    }
    int beforeFinish = handed.size();
    Documented.accepts(replay::finish);
    for (Replay.Change change : handed.subList(beforeFinish, handed.size())) {
      assertThat(previous).as("a change found by finish with no sample fed").isNotNull();
      assertThat(change.at()).as("a change found by finish").isAfterOrEqualTo(previous);
    }
    checker.check(labelSets);
  }

  /**
   * Checks the changes handed over since the last call: in time order, on the step's grid, each
   * describable with a count of samples that is no negative number, at most one per alert at one
   * time, and at one time no more alerts than rules times label sets fed (plus one each).
   */
  private static final class Checker {
    private final List<Replay.Change> handed;
    private final int rules;
    private final long stepMillis;
    private final Set<AlertKey> keysNow = new HashSet<>();
    private @Nullable Instant now;
    private int checked;

    Checker(List<Replay.Change> handed, int rules, long stepMillis) {
      this.handed = handed;
      this.rules = rules;
      this.stepMillis = stepMillis;
    }

    void check(Set<Map<String, String>> labelSets) {
      for (; checked < handed.size(); checked++) {
        Replay.Change change = handed.get(checked);
        if (now != null) {
          assertThat(change.at()).as("times never go back").isAfterOrEqualTo(now);
        }
        if (!change.at().equals(now)) {
          now = change.at();
          keysNow.clear();
        }
        assertThat(keysNow.add(change.key()))
            .as("%s handed over twice at %s", change.key(), now)
            .isTrue();
        assertThat(keysNow.size())
            .as("alerts at %s for %s rules and %s label sets", now, rules, labelSets.size())
            .isLessThanOrEqualTo(rules * (labelSets.size() + 1));
        assertThat(change.at().getNano() % 1_000_000).isZero();
        assertThat(Math.floorMod(change.at().toEpochMilli(), stepMillis))
            .as("%s on the grid of %s ms", change.at(), stepMillis)
            .isZero();
        assertThat(change.evaluation().samples()).isNotNegative();
        assertThat(change.describe()).isNotBlank();
      }
    }
  }

  /** A generated rule file, or when that is refused (documented), the guide's rules. */
  private static List<AlertRule> rules(FuzzedDataProvider data) {
    int count = data.consumeInt(0, 3);
    if (count == 0) {
      return DefaultAlertRules.all();
    }
    StringBuilder yaml = new StringBuilder("critical:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("  rule ").append(i).append(":\n");
      yaml.append("    id: R").append(i).append('\n');
      yaml.append("    metric: \"").append(data.pickValue(METRICS)).append("\"\n");
      String aggregation = data.pickValue(AGGREGATIONS);
      if (!aggregation.isEmpty()) {
        yaml.append("    ").append(aggregation).append('\n');
      }
      yaml.append("    ")
          .append(data.pickValue(THRESHOLD_KEYS))
          .append(": ")
          .append(data.consumeBoolean() ? data.pickValue(THRESHOLDS) : data.consumeString(12))
          .append('\n');
      if (data.consumeBoolean()) {
        yaml.append("    over: ").append(data.pickValue(DURATIONS)).append('\n');
      }
      if (data.consumeBoolean()) {
        yaml.append("    for: ").append(data.pickValue(DURATIONS)).append('\n');
      }
      if (data.consumeBoolean()) {
        yaml.append("    min-samples: ").append(data.consumeInt(-1, 30)).append('\n');
      }
      if (data.consumeBoolean()) {
        yaml.append("    group-by: [t]\n");
      }
      if (data.consumeBoolean()) {
        yaml.append("    repeat-every: ").append(data.pickValue(DURATIONS)).append('\n');
      }
      yaml.append("    notify: [slack]\n");
      yaml.append("    respond-within: ").append(data.pickValue(DURATIONS)).append('\n');
    }
    List<AlertRule> rules = new ArrayList<>();
    byte[] content = yaml.toString().getBytes(StandardCharsets.UTF_8);
    if (!Documented.accepts(() -> rules.addAll(RuleFiles.parse(FILE, content)))) {
      return DefaultAlertRules.all();
    }
    return rules;
  }

  /** The first sample's time: mostly an ordinary one, sometimes at or beyond the bounds. */
  private static Instant base(FuzzedDataProvider data, boolean wide) {
    return switch (data.consumeInt(0, 7)) {
      case 0 -> SampleFiles.EARLIEST;
      case 1 -> SampleFiles.EARLIEST.minusMillis(1);
      case 2 -> SampleFiles.LATEST;
      case 3 -> SampleFiles.LATEST.plusNanos(1);
      case 4 -> wide ? SampleFiles.LATEST.minus(Duration.ofDays(400)) : T0.plusNanos(1);
      default -> T0.plusMillis(data.consumeLong(-86_400_000, 86_400_000));
    };
  }

  /** The replay's end: none, near the samples, at the span's bound or beyond any. */
  private static @Nullable Instant until(
      FuzzedDataProvider data, Instant base, Duration step, boolean wide) {
    long stepMillis = Math.max(step.toMillis(), 1);
    return switch (data.consumeInt(0, 9)) {
      case 0 -> base.plusMillis(data.consumeLong(-10, NARROW_STEPS) * stepMillis);
      case 1 -> base.minusMillis(1);
      case 2 -> wide ? base.plus(Replay.MAX_SPAN) : base.plusMillis(stepMillis);
      // Beyond the span of any first sample: the samples of a fine step stay within NARROW_STEPS
      // of the base.
      case 3 -> base.plus(Replay.MAX_SPAN).plusMillis((wide ? 1 : NARROW_STEPS + 1) * stepMillis);
      case 4 -> Instant.MAX;
      case 5 -> Instant.MIN;
      case 6 -> Instant.parse("+10000-01-01T00:00:00Z");
      default -> null;
    };
  }

  /** The next sample's time: mostly forward by up to a few steps, sometimes back or far away. */
  private static Instant next(
      FuzzedDataProvider data, Instant time, Instant base, long stepMillis, boolean wide) {
    return switch (data.consumeInt(0, 11)) {
      case 0 -> time.minusMillis(data.consumeLong(1, 3 * stepMillis));
      case 1 -> time;
      case 2 -> base.minusNanos(1);
      case 3 -> SampleFiles.EARLIEST.minusSeconds(data.consumeLong(1, 1L << 40));
      case 4 -> SampleFiles.LATEST.plusSeconds(data.consumeLong(1, 1L << 40));
      // Beyond the span of any first sample, as for until.
      case 5 ->
          base.plus(Replay.MAX_SPAN)
              .plusMillis((wide ? 0 : NARROW_STEPS + 1) * stepMillis)
              .plusMillis(data.consumeLong(1, 1L << 40));
      case 6 -> wide ? base.plus(Replay.MAX_SPAN) : time.plusNanos(1);
      default -> {
        Instant next = time.plusMillis(data.consumeLong(0, 3 * stepMillis));
        // Within NARROW_STEPS of the base for a fine step, so an input stays a few hundred
        // evaluations.
        yield wide || next.isBefore(base.plusMillis(NARROW_STEPS / 2 * stepMillis)) ? next : time;
      }
    };
  }

  private static Sample sample(FuzzedDataProvider data, Instant at) {
    String metric = data.consumeInt(0, 5) == 0 ? data.consumeString(10) : data.pickValue(METRICS);
    Map<String, String> tags = new LinkedHashMap<>();
    int tagCount = data.consumeInt(0, 2);
    for (int i = 0; i < tagCount; i++) {
      switch (data.consumeInt(0, 4)) {
        case 0 -> tags.put("status", data.pickValue(new String[] {"200", "503", "5xx", ""}));
        case 1 -> tags.put("t", data.consumeString(6));
        default -> tags.put(data.consumeString(4), data.consumeString(6));
      }
    }
    Sample.Kind kind = data.consumeBoolean() ? Sample.Kind.COUNT : Sample.Kind.VALUE;
    double value =
        switch (data.consumeInt(0, 3)) {
          case 0 -> data.pickValue(VALUES);
          case 1 -> data.consumeDouble();
          default -> data.consumeLong(0, 200);
        };
    return new Sample(at, metric, tags, kind, value);
  }
}
