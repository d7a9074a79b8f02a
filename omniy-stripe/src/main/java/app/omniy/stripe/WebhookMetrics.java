package app.omniy.stripe;

import app.omniy.core.billing.WebhookMeters;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts webhook deliveries under the names of {@link WebhookMeters}, and once more under {@link
 * MetricNames#STRIPE_WEBHOOKS} with {@code outcome} success or failure: the meter the default rule
 * ALERT-C2 reads its failure share from (ALERT-6). A rejected delivery counts as a failure there:
 * after a secret rotation gone wrong every payment webhook is rejected, and that must page.
 */
final class WebhookMetrics {
  /** The type tag of a delivery whose payload could not be trusted. */
  public static final String UNVERIFIED_TYPE = "unverified";

  private static final String PROVIDER = "stripe";

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts the delivery as received and under the meter its outcome belongs to. */
  public void record(String type, WebhookOutcome outcome) {
    counter(WebhookMeters.RECEIVED, type, null).increment();
    counter(meterOf(outcome), type, outcome.tag()).increment();
    if (outcome != WebhookOutcome.IN_PROGRESS) {
      boolean failed =
          meterOf(outcome).equals(WebhookMeters.FAILED)
              || meterOf(outcome).equals(WebhookMeters.REJECTED);
      counter(
              MetricNames.STRIPE_WEBHOOKS,
              type,
              failed ? MetricNames.OUTCOME_FAILURE : MetricNames.OUTCOME_SUCCESS)
          .increment();
    }
  }

  private static String meterOf(WebhookOutcome outcome) {
    return switch (outcome) {
      case PROCESSED, DUPLICATE, IGNORED -> WebhookMeters.PROCESSED;
      case IN_PROGRESS -> WebhookMeters.DEFERRED;
      case FAILED -> WebhookMeters.FAILED;
      case UNSIGNED, BAD_SIGNATURE, STALE_TIMESTAMP, MALFORMED_PAYLOAD -> WebhookMeters.REJECTED;
    };
  }

  private Counter counter(String name, String type, @Nullable String tag) {
    Counter.Builder builder =
        Counter.builder(name)
            .baseUnit("deliveries")
            .tag(WebhookMeters.TAG_PROVIDER, PROVIDER)
            .tag(WebhookMeters.TAG_TYPE, type);
    if (tag != null) {
      builder.tag(WebhookMeters.TAG_OUTCOME, tag);
    }
    return builder.register(registry);
  }
}
