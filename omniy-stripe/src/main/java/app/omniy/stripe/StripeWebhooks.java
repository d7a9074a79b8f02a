package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.memory.InMemoryProcessedEventStore;
import com.stripe.Stripe;
import com.stripe.model.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe webhooks as a plain Java call: the host's HTTP endpoint passes the raw request body and
 * the {@code Stripe-Signature} header and answers with the {@link WebhookResult#httpStatus()} it
 * gets back.
 *
 * <ul>
 *   <li>The signature is verified with the endpoint's secret and tolerance; unsigned, tampered,
 *       stale and malformed deliveries are refused with 400 and distinct {@link WebhookOutcome}s.
 *       The tolerance may not exceed the {@link ProcessedEventStore#retention()}, so a captured
 *       delivery cannot be replayed once its event id is forgotten ({@link Builder#build()}).
 *   <li>A signed event is processed only in the endpoint's mode (live or test, {@link
 *       Builder#expectLivemode}) and for its connected account ({@link
 *       Builder#expectConnectedAccount}; none unless set): anything else is refused with 400 as
 *       {@link WebhookOutcome#WRONG_MODE} or {@link WebhookOutcome#WRONG_ACCOUNT}, before any
 *       handler or claim.
 *   <li>Each event id is processed once, through a {@link ProcessedEventStore} claim: a duplicate
 *       answers 200 without running anything; a concurrent second delivery answers 409 and is
 *       retried by Stripe.
 *   <li>A handler that throws releases the claim and answers 500, so Stripe retries the event.
 *   <li>Every delivery is counted once (ALERT-C2), on the counter {@link
 *       app.omniy.core.metrics.MetricNames#STRIPE_WEBHOOKS}.
 * </ul>
 *
 * <p>Order: events are handled in the order they arrive, each on its own; Stripe does not promise
 * any order (an {@code invoice.paid} may come before its {@code customer.subscription.created}).
 * Handlers must therefore not assume an earlier event was seen: apply an event only if it is newer
 * than what is stored, as {@link SubscriptionStatuses} does, or fetch the object's current state
 * from the API.
 *
 * <pre>{@code
 * StripeWebhooks webhooks =
 *     StripeWebhooks.builder(settings)
 *         .processedEvents(store)
 *         .meterRegistry(registry)
 *         .on("invoice.paid", event -> markPaid(event))
 *         .build();
 * WebhookResult result = webhooks.handle(body, request.getHeader("Stripe-Signature"));
 * response.setStatus(result.httpStatus());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StripeWebhooks {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

  private final EventVerifier verifier;
  private final ProcessedEventStore processedEvents;
  private final Map<String, WebhookHandler> handlers;
  private final WebhookMetrics metrics;
  private final Clock clock;
  private final Duration claimLease;
  private final boolean livemode;
  private final @Nullable String connectedAccount;
  private final AtomicBoolean apiVersionWarned = new AtomicBoolean();

  private StripeWebhooks(Builder builder) {
    this.livemode = builder.livemode == null ? builder.settings.liveMode() : builder.livemode;
    this.connectedAccount = builder.connectedAccount;
    this.clock = builder.clock;
    this.verifier =
        new EventVerifier(
            builder.settings.webhookSecret(), builder.settings.signatureTolerance(), clock);
    this.processedEvents = builder.processedEvents;
    this.handlers = Map.copyOf(builder.handlers);
    this.metrics = new WebhookMetrics(Require.nonNull(builder.meterRegistry, "meterRegistry"));
    this.claimLease = builder.claimLease;
  }

  /** A builder verifying with {@code settings}' webhook secret and signature tolerance. */
  public static Builder builder(StripeSettings settings) {
    Require.nonNull(settings, "settings");
    return new Builder(settings);
  }

  /**
   * Verifies, deduplicates and dispatches one delivery. Never throws for anything Stripe or a
   * handler does; the result says what happened.
   *
   * @param payload the raw request body, exactly as received (not re-serialised JSON)
   * @param signatureHeader the {@code Stripe-Signature} header, {@code null} if absent
   */
  public WebhookResult handle(@Nullable String payload, @Nullable String signatureHeader) {
    EventVerifier.Verdict verdict = verifier.verify(payload, signatureHeader);
    if (verdict instanceof EventVerifier.Refused refused) {
      log.warn("Refused a Stripe webhook: {}", refused.detail());
      return finish(
          WebhookMetrics.UNVERIFIED_TYPE,
          new WebhookResult(refused.outcome(), null, null, refused.detail()));
    }
    Event event = ((EventVerifier.Verified) verdict).event();
    WebhookResult misplaced = checkModeAndAccount(event);
    if (misplaced != null) {
      log.warn(
          "Refused Stripe event {} ({}): {}", event.getId(), event.getType(), misplaced.detail());
      return finish(event.getType(), misplaced);
    }
    warnOnceIfApiVersionDiffers(event);
    WebhookHandler handler = handlers.get(event.getType());
    if (handler == null) {
      return finish(event, WebhookOutcome.IGNORED, "no handler for " + event.getType());
    }
    return process(event, handler);
  }

  /** Why a signed event does not belong to this endpoint, or null when it does. */
  private @Nullable WebhookResult checkModeAndAccount(Event event) {
    Boolean eventLivemode = event.getLivemode();
    if (eventLivemode == null || eventLivemode != livemode) {
      String mode = eventLivemode == null ? "no livemode" : mode(eventLivemode) + " mode";
      return refuse(
          event, WebhookOutcome.WRONG_MODE, mode + "; this endpoint expects " + mode(livemode));
    }
    String account = event.getAccount();
    if (Objects.equals(account, connectedAccount)) {
      return null;
    }
    String expected =
        connectedAccount == null
            ? "the platform's own events"
            : "connected account " + connectedAccount;
    String got = account == null ? "no connected account" : "connected account " + account;
    return refuse(event, WebhookOutcome.WRONG_ACCOUNT, got + "; this endpoint expects " + expected);
  }

  private static String mode(boolean live) {
    return live ? "live" : "test";
  }

  private static WebhookResult refuse(Event event, WebhookOutcome outcome, String detail) {
    return new WebhookResult(outcome, event.getId(), event.getType(), detail);
  }

  private WebhookResult process(Event event, WebhookHandler handler) {
    Instant claimedAt = clock.instant();
    EventClaim claim;
    try {
      claim = processedEvents.claim(event.getId(), claimedAt, claimLease);
    } catch (RuntimeException e) {
      log.warn("Could not claim Stripe event {} ({})", event.getId(), event.getType(), e);
      return finish(event, WebhookOutcome.FAILED, "processed-event store unavailable");
    }
    if (claim == EventClaim.ALREADY_PROCESSED) {
      return finish(event, WebhookOutcome.DUPLICATE, "processed before");
    }
    if (claim == EventClaim.IN_PROGRESS) {
      return finish(event, WebhookOutcome.IN_PROGRESS, "being processed by another delivery");
    }
    boolean processed = false;
    try {
      handler.handle(event);
      processedEvents.markProcessed(event.getId(), clock.instant());
      processed = true;
      return finish(event, WebhookOutcome.PROCESSED, "processed");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("Stripe event {} ({}) failed; Stripe will retry", event.getId(), event.getType(), e);
      return finish(event, WebhookOutcome.FAILED, "failed: " + e.getClass().getSimpleName());
    } finally {
      if (!processed) {
        releaseQuietly(event.getId(), claimedAt);
      }
    }
  }

  private void warnOnceIfApiVersionDiffers(Event event) {
    if (!Stripe.API_VERSION.equals(event.getApiVersion())
        && apiVersionWarned.compareAndSet(false, true)) {
      log.warn(
          "Stripe event {} has API version {}, stripe-java expects {}: its data object will not"
              + " deserialise safely; set the webhook endpoint's API version to {}",
          event.getId(),
          event.getApiVersion(),
          Stripe.API_VERSION,
          Stripe.API_VERSION);
    }
  }

  private void releaseQuietly(String eventId, Instant claimedAt) {
    try {
      processedEvents.release(eventId, claimedAt);
    } catch (RuntimeException e) {
      // The claim lapses with its lease, after which Stripe's retry can take it over.
      log.warn("Could not release the claim on Stripe event {}", eventId, e);
    }
  }

  private WebhookResult finish(Event event, WebhookOutcome outcome, String detail) {
    return finish(
        event.getType(), new WebhookResult(outcome, event.getId(), event.getType(), detail));
  }

  private WebhookResult finish(String type, WebhookResult result) {
    metrics.record(type, result.outcome());
    return result;
  }

  /** Configures {@link StripeWebhooks}; {@link #build()} validates and copies. Not thread-safe. */
  public static final class Builder {
    private final StripeSettings settings;
    private final Map<String, WebhookHandler> handlers = new HashMap<>();
    private ProcessedEventStore processedEvents = new InMemoryProcessedEventStore();
    private @Nullable MeterRegistry meterRegistry;
    private Clock clock = Clock.systemUTC();
    private Duration claimLease = Duration.ofMinutes(2);
    private @Nullable Boolean livemode;
    private @Nullable String connectedAccount;

    private Builder(StripeSettings settings) {
      this.settings = settings;
    }

    /**
     * The mode of the events this endpoint processes: live ({@code true}) or test. Unless set, the
     * mode of the settings' API key ({@code sk_live_…}/{@code rk_live_…} live, {@code sk_test_…}
     * test). An event of the other mode, or without {@code livemode}, is refused as {@link
     * WebhookOutcome#WRONG_MODE}.
     */
    public Builder expectLivemode(boolean live) {
      this.livemode = live;
      return this;
    }

    /**
     * The connected account ({@code acct_…}) whose events this endpoint processes: a Connect
     * endpoint of one account. Events of another account, or with no {@code account}, are refused
     * as {@link WebhookOutcome#WRONG_ACCOUNT}. Unless set, the endpoint processes the platform's
     * own events only, and refuses every event that carries an {@code account}.
     *
     * @throws InvalidValueException unless {@code accountId} looks like {@code acct_…}
     */
    public Builder expectConnectedAccount(String accountId) {
      if (accountId == null || !accountId.matches("acct_[A-Za-z0-9]+")) {
        throw new InvalidValueException(
            "connectedAccount", accountId, "must be a Stripe account id (acct_…)");
      }
      this.connectedAccount = accountId;
      return this;
    }

    /**
     * Registers the handler of one event type, e.g. {@code invoice.paid}. Events of types without a
     * handler are acknowledged and ignored.
     *
     * @throws InvalidValueException if the type is blank or already has a handler
     */
    public Builder on(String eventType, WebhookHandler handler) {
      if (eventType == null || eventType.isBlank()) {
        throw new InvalidValueException("eventType", eventType, "is required");
      }
      Require.nonNull(handler, "handler");
      if (handlers.putIfAbsent(eventType, handler) != null) {
        throw new InvalidValueException("eventType", eventType, "already has a handler");
      }
      return this;
    }

    /** Where processed event ids are kept; in memory unless set (a durable store in production). */
    public Builder processedEvents(ProcessedEventStore store) {
      this.processedEvents = Require.nonNull(store, "processedEvents");
      return this;
    }

    /**
     * Where the delivery counter {@link app.omniy.core.metrics.MetricNames#STRIPE_WEBHOOKS} goes:
     * the registry the {@code Omniy} runtime's alert engine reads, so ALERT-C2 sees every delivery.
     * Required: {@link #build()} refuses to count nowhere.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Require.nonNull(registry, "meterRegistry");
      return this;
    }

    /** The clock for signature timestamps and claims; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * How long a delivery's claim keeps concurrent deliveries of the same event away (2 minutes
     * unless set). Longer than any handler runs; after it, a worker that died mid-way no longer
     * blocks Stripe's retries.
     */
    public Builder claimLease(Duration lease) {
      if (lease == null || lease.isNegative() || lease.isZero()) {
        throw new InvalidValueException("claimLease", lease, "must be positive");
      }
      this.claimLease = lease;
      return this;
    }

    /**
     * The configured webhooks.
     *
     * @throws InvalidValueException naming {@code meterRegistry} if none was given, or {@code
     *     signatureTolerance} if the settings' tolerance is longer than the processed-event store's
     *     {@link ProcessedEventStore#retention()}: a delivery signed longer ago than the store
     *     remembers could be replayed and processed twice
     */
    public StripeWebhooks build() {
      if (meterRegistry == null) {
        // No default: deliveries counted where no rule looks leave ALERT-C2 reading "no data".
        throw new InvalidValueException(
            "meterRegistry", null, "is required: the registry the alert engine reads (ALERT-C2)");
      }
      Duration tolerance = settings.signatureTolerance();
      Duration retention = processedEvents.retention();
      if (retention == null || retention.isNegative() || retention.isZero()) {
        throw new InvalidValueException(
            "processedEvents", retention, "must tell a positive retention()");
      }
      if (tolerance.isNegative() || tolerance.isZero() || tolerance.compareTo(retention) > 0) {
        throw new InvalidValueException(
            "signatureTolerance",
            tolerance,
            "must be positive and at most the processed-event store's retention ("
                + retention
                + "), or a delivery replayed after its event id was forgotten is processed again");
      }
      return new StripeWebhooks(this);
    }
  }
}
