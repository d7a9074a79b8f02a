package app.omniy.stripe;

import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts each webhook delivery once, under {@link MetricNames#STRIPE_WEBHOOKS}: {@code outcome}
 * success or failure, the counter the default rule ALERT-C2 reads its failure share from (ALERT-6);
 * {@code reason} the {@link WebhookOutcome#tag()}; {@code type} the event type. A refused delivery
 * counts as a failure: after a secret rotation gone wrong every payment webhook is refused, and
 * that must page.
 */
final class WebhookMetrics {
  /** The type tag of a delivery whose payload could not be trusted. */
  public static final String UNVERIFIED_TYPE = "unverified";

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one delivery of an event of {@code type} that ended in {@code outcome}. */
  public void record(String type, WebhookOutcome outcome) {
    boolean failed = outcome == WebhookOutcome.FAILED || outcome.rejected();
    Counter.builder(MetricNames.STRIPE_WEBHOOKS)
        .baseUnit("deliveries")
        .tag(
            MetricNames.TAG_OUTCOME,
            failed ? MetricNames.OUTCOME_FAILURE : MetricNames.OUTCOME_SUCCESS)
        .tag(MetricNames.TAG_REASON, outcome.tag())
        .tag(MetricNames.TAG_TYPE, type)
        .register(registry)
        .increment();
  }
}
