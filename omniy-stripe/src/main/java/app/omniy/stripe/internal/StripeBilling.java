package app.omniy.stripe.internal;

import app.omniy.core.Money;
import app.omniy.core.OmniyException;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.CustomerBalanceTransaction;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerBalanceTransactionCreateParams;
import com.stripe.param.CustomerBalanceTransactionListParams;
import com.stripe.param.SubscriptionListParams;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The three Stripe calls service credits need, on stripe-java's {@link StripeClient}. */
public final class StripeBilling {
  private final StripeClient client;

  public StripeBilling(StripeClient client) {
    this.client = client;
  }

  /**
   * The monthly fee of the customer's active subscriptions: the sum of price × quantity over their
   * items, or empty when none is active.
   *
   * @throws OmniyException if an item is not billed monthly per unit, or currencies differ
   */
  public Optional<Money> monthlyFee(String customerId) throws StripeException {
    SubscriptionListParams params =
        SubscriptionListParams.builder()
            .setCustomer(customerId)
            .setStatus(SubscriptionListParams.Status.ACTIVE)
            .setLimit(100L)
            .build();
    Money total = null;
    for (Subscription subscription :
        client.v1().subscriptions().list(params).autoPagingIterable()) {
      for (SubscriptionItem item : subscription.getItems().getData()) {
        Money fee = itemFee(subscription.getId(), item);
        total = total == null ? fee : total.plus(fee);
      }
    }
    return Optional.ofNullable(total);
  }

  private static Money itemFee(String subscriptionId, SubscriptionItem item) {
    Price price = item.getPrice();
    Price.Recurring recurring = price == null ? null : price.getRecurring();
    if (recurring == null
        || !"month".equals(recurring.getInterval())
        || recurring.getIntervalCount() == null
        || recurring.getIntervalCount() != 1L
        || price.getUnitAmountDecimal() == null) {
      throw new OmniyException(
          "Subscription "
              + subscriptionId
              + " item "
              + item.getId()
              + " is not a monthly per-unit price; its monthly fee is unknown");
    }
    long quantity = item.getQuantity() == null ? 1L : item.getQuantity();
    BigDecimal minor = price.getUnitAmountDecimal().multiply(BigDecimal.valueOf(quantity));
    return StripeAmounts.money(minor, price.getCurrency());
  }

  /** The first of the customer's balance transactions that {@code matches}, newest first. */
  public Optional<CustomerBalanceTransaction> findTransaction(
      String customerId, Predicate<CustomerBalanceTransaction> matches) throws StripeException {
    CustomerBalanceTransactionListParams params =
        CustomerBalanceTransactionListParams.builder().setLimit(100L).build();
    for (CustomerBalanceTransaction transaction :
        client
            .v1()
            .customers()
            .balanceTransactions()
            .list(customerId, params)
            .autoPagingIterable()) {
      if (matches.test(transaction)) {
        return Optional.of(transaction);
      }
    }
    return Optional.empty();
  }

  /** Adds {@code credit} to the customer's balance: a negative balance transaction. */
  public CustomerBalanceTransaction credit(
      String customerId,
      Money credit,
      String description,
      Map<String, String> metadata,
      String idempotencyKey)
      throws StripeException {
    CustomerBalanceTransactionCreateParams params =
        CustomerBalanceTransactionCreateParams.builder()
            .setAmount(-StripeAmounts.minorUnits(credit))
            .setCurrency(StripeAmounts.code(credit.currency()))
            .setDescription(description)
            .putAllMetadata(metadata)
            .build();
    RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    return client.v1().customers().balanceTransactions().create(customerId, params, options);
  }

  /** {@code metadata}'s value for {@code key}, if the map and the key are there. */
  public static @Nullable String metadata(CustomerBalanceTransaction transaction, String key) {
    Map<String, String> metadata = transaction.getMetadata();
    return metadata == null ? null : metadata.get(key);
  }
}
