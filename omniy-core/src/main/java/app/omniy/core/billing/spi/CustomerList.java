package app.omniy.core.billing.spi;

import app.omniy.core.Require;
import app.omniy.core.billing.Customer;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The host's customers (SLA-7): whom the month-end job offers a service credit, and with which fee.
 * The host implements it from its own records (its database, Stripe's active subscriptions).
 */
public interface CustomerList {

  /**
   * The customers billed for {@code month}, each once, with that month's fee.
   *
   * @throws RuntimeException if the list cannot be read; the month-end run fails and alerts (MNT-3)
   */
  List<Customer> customers(YearMonth month);

  /**
   * The customer {@code customerId} as billed for {@code month}, if they were; by default a scan of
   * {@link #customers}. A claim asks this when the month-end job has not offered the month yet.
   */
  default Optional<Customer> customer(String customerId, YearMonth month) {
    Require.nonBlank(customerId, "customerId");
    return customers(month).stream().filter(c -> c.id().equals(customerId)).findFirst();
  }
}
