package app.omniy.stripe;

import app.omniy.core.Require;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Each subscription's latest status and paid-through time, kept right whatever order Stripe
 * delivers the events in (it promises no order). Two rules make the result independent of arrival
 * order:
 *
 * <ul>
 *   <li>A subscription event sets the status only if it is newer than the one that set the current
 *       status: a later {@code created} time, or, within the same second, a later step of the
 *       lifecycle (created, then updated, then deleted). A deleted subscription stays canceled.
 *   <li>{@code invoice.paid} only ever moves the paid-through time forward (the latest end of the
 *       invoice's line periods), and never touches the status. So an {@code invoice.paid} that
 *       arrives before {@code customer.subscription.created} is kept, and the late creation event
 *       then fills in the status without undoing the payment.
 * </ul>
 *
 * <p>Two {@code updated} events of the same second cannot be ordered from their content; the first
 * one to arrive wins. Fetch the subscription from the API when that matters. Thread-safe; in
 * memory.
 */
public final class SubscriptionStatuses {
  /** The event types this view listens to. */
  public static final String CREATED = "customer.subscription.created";

  public static final String UPDATED = "customer.subscription.updated";
  public static final String DELETED = "customer.subscription.deleted";
  public static final String INVOICE_PAID = "invoice.paid";

  /**
   * What is known about one subscription.
   *
   * @param subscriptionId Stripe's {@code sub_…} id
   * @param customerId the {@code cus_…} id, once an event named it
   * @param status Stripe's status ({@code active}, {@code past_due}, {@code canceled}, …), once a
   *     subscription event arrived
   * @param statusAsOf the {@code created} time of the event that set the status
   * @param paidThrough the end of the latest paid invoice period, once an invoice was paid
   */
  public record SubscriptionState(
      String subscriptionId,
      @Nullable String customerId,
      @Nullable String status,
      @Nullable Instant statusAsOf,
      @Nullable Instant paidThrough) {}

  /** The stored state plus the lifecycle step of the event that set the status. */
  private record Entry(SubscriptionState state, int step) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Registers this view's handlers on {@code webhooks}. */
  public StripeWebhooks.Builder registerOn(StripeWebhooks.Builder webhooks) {
    Require.nonNull(webhooks, "webhooks");
    return webhooks
        .on(CREATED, this::apply)
        .on(UPDATED, this::apply)
        .on(DELETED, this::apply)
        .on(INVOICE_PAID, this::apply);
  }

  /** What is known about {@code subscriptionId}. */
  public Optional<SubscriptionState> get(String subscriptionId) {
    return Optional.ofNullable(entries.get(subscriptionId)).map(Entry::state);
  }

  /**
   * Applies one event of a type this view listens to; other types are ignored.
   *
   * @throws EventDataObjectDeserializationException if the event's object cannot be read, which
   *     makes the delivery fail and Stripe retry it
   */
  public void apply(Event event) throws EventDataObjectDeserializationException {
    int step = step(event.getType());
    if (step < 0) {
      return;
    }
    StripeObject object = dataObject(event);
    Instant created = Instant.ofEpochSecond(event.getCreated());
    if (object instanceof Subscription subscription) {
      entries.compute(
          subscription.getId(), (id, entry) -> withStatus(id, entry, subscription, created, step));
    } else if (object instanceof Invoice invoice) {
      String subscriptionId = subscriptionOf(invoice);
      Instant paidThrough = latestPeriodEnd(invoice);
      if (subscriptionId != null && paidThrough != null) {
        entries.compute(
            subscriptionId, (id, entry) -> withPayment(id, entry, invoice, paidThrough));
      }
    }
  }

  private static Entry withStatus(
      String id, @Nullable Entry entry, Subscription subscription, Instant created, int step) {
    if (entry != null && !isNewer(entry, created, step)) {
      return entry;
    }
    SubscriptionState old = entry == null ? null : entry.state();
    return new Entry(
        new SubscriptionState(
            id,
            subscription.getCustomer() != null
                ? subscription.getCustomer()
                : old == null ? null : old.customerId(),
            subscription.getStatus(),
            created,
            old == null ? null : old.paidThrough()),
        step);
  }

  private static boolean isNewer(Entry entry, Instant created, int step) {
    SubscriptionState state = entry.state();
    if (state.statusAsOf() == null) {
      return true;
    }
    if (entry.step() == step(DELETED)) {
      return false;
    }
    int byTime = created.compareTo(state.statusAsOf());
    return byTime > 0 || (byTime == 0 && step > entry.step());
  }

  private static Entry withPayment(
      String id, @Nullable Entry entry, Invoice invoice, Instant paidThrough) {
    if (entry == null) {
      return new Entry(
          new SubscriptionState(id, invoice.getCustomer(), null, null, paidThrough), -1);
    }
    SubscriptionState old = entry.state();
    Instant latest =
        old.paidThrough() != null && old.paidThrough().isAfter(paidThrough)
            ? old.paidThrough()
            : paidThrough;
    String customer = old.customerId() != null ? old.customerId() : invoice.getCustomer();
    return new Entry(
        new SubscriptionState(id, customer, old.status(), old.statusAsOf(), latest), entry.step());
  }

  private static int step(String type) {
    return switch (type) {
      case CREATED -> 0;
      case UPDATED, INVOICE_PAID -> 1;
      case DELETED -> 2;
      default -> -1;
    };
  }

  private static StripeObject dataObject(Event event)
      throws EventDataObjectDeserializationException {
    EventDataObjectDeserializer data = event.getDataObjectDeserializer();
    try {
      // Present only when the event's api_version is the SDK's; otherwise read it as best we can.
      Optional<StripeObject> object = data.getObject();
      return object.isPresent() ? object.get() : data.deserializeUnsafe();
    } catch (RuntimeException e) {
      // stripe-java throws NullPointerException (a data object without "object") or Gson's
      // exceptions for a malformed one; found by StripeWebhookFuzzTest. Unreadable is unreadable.
      throw new EventDataObjectDeserializationException(
          "unreadable data object (" + e.getClass().getSimpleName() + ")", data.getRawJson());
    }
  }

  private static @Nullable String subscriptionOf(Invoice invoice) {
    if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
      return null;
    }
    return invoice.getParent().getSubscriptionDetails().getSubscription();
  }

  private static @Nullable Instant latestPeriodEnd(Invoice invoice) {
    if (invoice.getLines() == null || invoice.getLines().getData() == null) {
      return null;
    }
    return invoice.getLines().getData().stream()
        .map(InvoiceLineItem::getPeriod)
        .filter(period -> period != null && period.getEnd() != null)
        .map(period -> Instant.ofEpochSecond(period.getEnd()))
        .max(Instant::compareTo)
        .orElse(null);
  }
}
