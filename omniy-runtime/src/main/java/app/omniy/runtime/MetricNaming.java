package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.regex.Pattern;

/**
 * The prefix Omniy's meters are published under (ALERT-6: names under {@code omniy.}, defined once
 * in the core, renamable by the host). Every meter of {@link MetricNames} is named {@code omniy.…};
 * a host whose registry wants them under its own prefix, {@code acme.scheduler.posts.published}
 * say, names it here. The runtime then renames every {@code omniy.} meter registered in its
 * registry after it is built, and its alert engine reads the renamed meters back under their {@link
 * MetricNames} (the names the default rules and rule files use), so the rules need no change.
 *
 * <pre>{@code
 * Omniy.builder().metricNaming(MetricNaming.prefix("acme.scheduler"))…
 * }</pre>
 *
 * <p>A meter registered in the registry before the runtime was built keeps its name: give adapters
 * the registry afterwards, or add {@link #filter()} to the registry first.
 */
public final class MetricNaming {
  /** The meters' own prefix. */
  public static final String OMNIY = "omniy";

  /** Omniy's names as they are. */
  public static final MetricNaming DEFAULT = new MetricNaming(OMNIY);

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private final String prefix;

  private MetricNaming(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Omniy's meters under {@code prefix} instead of {@code omniy}.
   *
   * @param prefix dot-separated lower-case words, e.g. {@code acme.scheduler}
   * @throws InvalidValueException naming {@code prefix} if it is not such words
   */
  public static MetricNaming prefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new InvalidValueException(
          "prefix", prefix, "must be dot-separated lower-case words, e.g. acme.scheduler");
    }
    return new MetricNaming(prefix);
  }

  /** The prefix, without a trailing dot. */
  public String prefix() {
    return prefix;
  }

  /** Whether the names are Omniy's own. */
  public boolean isDefault() {
    return prefix.equals(OMNIY);
  }

  /** The name a meter of {@link MetricNames} is published under; other names unchanged. */
  public String published(String name) {
    return isDefault() || !name.startsWith(OMNIY + ".")
        ? name
        : prefix + name.substring(OMNIY.length());
  }

  /** The {@link MetricNames} name of a published meter name; other names unchanged. */
  public String canonical(String published) {
    return isDefault() || !published.startsWith(prefix + ".")
        ? published
        : OMNIY + published.substring(prefix.length());
  }

  /** A Micrometer filter that publishes Omniy's meters under this prefix. */
  public MeterFilter filter() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String name = published(id.getName());
        return name.equals(id.getName()) ? id : id.withName(name);
      }
    };
  }

  @Override
  public String toString() {
    return "MetricNaming[" + prefix + "]";
  }
}
