package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.spi.AppliedCreditStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppliedCreditStore} must do (SLA-6, SLA-7): one credit per customer and month,
 * kept exactly as recorded, the first one winning also under concurrency.
 */
public abstract class AppliedCreditStoreContract {
  protected static final YearMonth MAY = YearMonth.of(2026, 5);
  protected static final Instant APPLIED_AT = Instant.parse("2026-06-03T01:02:03Z");

  private AppliedCreditStore store;

  /** A store to test; called before each test. It may hold data of earlier tests. */
  protected abstract AppliedCreditStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** A customer id no other test (or earlier run against a shared backend) has used. */
  protected static String newCustomerId() {
    return "cus_contract_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static AppliedCredit credit(String customer, YearMonth month, String amount, String cur) {
    return new AppliedCredit(
        customer,
        month,
        Money.of(amount, cur),
        new BigDecimal("99.4321"),
        "cbtxn_" + UUID.randomUUID().toString().replace("-", ""),
        APPLIED_AT);
  }

  @Test
  void nothing_is_found_for_a_customer_never_credited() {
    assertThat(store.find(newCustomerId(), MAY)).isEmpty();
  }

  @Test
  void a_recorded_credit_is_found_with_every_field_exact() {
    String customer = newCustomerId();
    AppliedCredit usd = credit(customer, MAY, "4.99", "USD");

    assertThat(store.recordIfAbsent(usd)).isEqualTo(usd);

    AppliedCredit found = store.find(customer, MAY).orElseThrow();
    assertThat(found.customerId()).isEqualTo(customer);
    assertThat(found.month()).isEqualTo(MAY);
    assertThat(found.amount()).isEqualTo(Money.of("4.99", "USD"));
    assertThat(found.availabilityPercent()).isEqualByComparingTo("99.4321");
    assertThat(found.reference()).isEqualTo(usd.reference());
    assertThat(found.appliedAt()).isEqualTo(APPLIED_AT);
  }

  @Test
  void a_zero_decimal_currency_keeps_its_amount() {
    String customer = newCustomerId();
    store.recordIfAbsent(credit(customer, MAY, "198", "JPY"));

    assertThat(store.find(customer, MAY).orElseThrow().amount()).isEqualTo(Money.of("198", "JPY"));
  }

  @Test
  void a_second_credit_for_the_same_month_is_not_recorded_and_the_first_is_returned() {
    String customer = newCustomerId();
    AppliedCredit first = credit(customer, MAY, "198", "JPY");
    store.recordIfAbsent(first);

    AppliedCredit answer = store.recordIfAbsent(credit(customer, MAY, "495", "JPY"));

    assertThat(answer.reference()).isEqualTo(first.reference());
    assertThat(store.find(customer, MAY).orElseThrow().amount()).isEqualTo(Money.of("198", "JPY"));
  }

  @Test
  void other_months_and_other_customers_are_separate_records() {
    String customer = newCustomerId();
    String other = newCustomerId();
    store.recordIfAbsent(credit(customer, MAY, "198", "JPY"));

    assertThat(store.find(customer, MAY.plusMonths(1))).isEmpty();
    assertThat(store.find(other, MAY)).isEmpty();
    store.recordIfAbsent(credit(customer, MAY.plusMonths(1), "495", "JPY"));
    assertThat(store.find(customer, MAY.plusMonths(1)).orElseThrow().amount())
        .isEqualTo(Money.of("495", "JPY"));
  }

  @Test
  void the_credits_of_a_month_are_listed() {
    String customer = newCustomerId();
    String other = newCustomerId();
    YearMonth month = YearMonth.of(2031, 1 + Math.floorMod(customer.hashCode(), 12));
    store.recordIfAbsent(credit(customer, month, "198", "JPY"));
    store.recordIfAbsent(credit(other, month, "1.00", "USD"));
    store.recordIfAbsent(credit(customer, month.plusYears(1), "1.00", "USD"));

    assertThat(store.findByMonth(month))
        .extracting(AppliedCredit::customerId)
        .contains(customer, other)
        .doesNotHaveDuplicates();
    assertThat(store.findByMonth(month)).allMatch(c -> c.month().equals(month));
  }

  @Test
  void of_concurrent_records_for_one_month_exactly_one_is_kept_and_returned_to_all()
      throws Exception {
    String customer = newCustomerId();

    var answers =
        Concurrently.run(8, () -> store.recordIfAbsent(credit(customer, MAY, "198", "JPY")));

    String kept = store.find(customer, MAY).orElseThrow().reference();
    assertThat(answers).extracting(AppliedCredit::reference).containsOnly(kept);
  }
}
