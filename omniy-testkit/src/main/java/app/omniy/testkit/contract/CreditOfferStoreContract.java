package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.core.sla.ExactRatio;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CreditOfferStore} must do (SLA-7): one offer per customer and month, kept
 * exactly (money and the exact availability), replaced while unclaimed and fixed once claimed; at
 * most one claim, which one of concurrent claimants starts, which lapses for a takeover, and which
 * only its holder settles or releases.
 */
public abstract class CreditOfferStoreContract {
  protected static final YearMonth APRIL = YearMonth.of(2026, 4);
  protected static final Instant OFFERED_AT = Instant.parse("2026-05-01T00:00:00Z");
  protected static final Instant NOW = Instant.parse("2026-05-20T03:04:05.123456Z");
  protected static final Duration LEASE = Duration.ofMinutes(5);

  /** 7,200 s down in April's 2,592,000 s. */
  protected static final ExactRatio UPTIME = ExactRatio.of(2_584_800, 2_592_000);

  private CreditOfferStore store;

  /** A store to test; called before each test. It may hold data of earlier tests. */
  protected abstract CreditOfferStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** A customer id no other test (or earlier run against a shared backend) has used. */
  protected static String newCustomerId() {
    return "cus_contract_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static CreditOffer offer(String customer, YearMonth month, String amount, String cur) {
    return CreditOffer.of(customer, month, UPTIME, 10, Money.of(amount, cur), OFFERED_AT);
  }

  private static CreditClaim pending(Instant at) {
    return CreditClaim.pending(
        LocalDate.of(2026, 5, 20), UUID.randomUUID().toString(), at, at.plus(LEASE));
  }

  @Test
  void nothing_is_found_for_a_customer_never_offered() {
    assertThat(store.find(newCustomerId(), APRIL)).isEmpty();
  }

  @Test
  void an_offer_is_found_with_every_field_exact() {
    String customer = newCustomerId();
    CreditOffer usd = offer(customer, APRIL, "2.00", "USD");

    assertThat(store.offer(usd)).isEqualTo(usd);

    CreditOffer found = store.find(customer, APRIL).orElseThrow();
    assertThat(found).isEqualTo(usd);
    assertThat(found.availability()).isEqualTo(UPTIME);
    assertThat(found.amount()).isEqualTo(Money.of("2.00", "USD"));
    assertThat(found.deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
    assertThat(found.claim()).isNull();
  }

  @Test
  void a_zero_offer_in_a_zero_decimal_currency_keeps_its_amount() {
    String customer = newCustomerId();
    store.offer(CreditOffer.of(customer, APRIL, ExactRatio.of(1, 1), 0, Money.of("0", "JPY"), NOW));

    CreditOffer found = store.find(customer, APRIL).orElseThrow();
    assertThat(found.amount()).isEqualTo(Money.of("0", "JPY"));
    assertThat(found.owed()).isFalse();
  }

  @Test
  void an_offer_carrying_a_claim_is_refused() {
    CreditOffer claimed = offer(newCustomerId(), APRIL, "198", "JPY").withClaim(pending(NOW));

    assertThatThrownBy(() -> store.offer(claimed)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void an_unclaimed_offer_is_replaced_and_a_claimed_one_kept() {
    String customer = newCustomerId();
    String other = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    store.offer(offer(other, APRIL, "198", "JPY"));
    CreditClaim claim = pending(NOW);
    store.startClaim(other, APRIL, claim);

    CreditOffer replaced = store.offer(offer(customer, APRIL, "495", "JPY"));
    CreditOffer kept = store.offer(offer(other, APRIL, "495", "JPY"));

    assertThat(replaced.amount()).isEqualTo(Money.of("495", "JPY"));
    assertThat(store.find(customer, APRIL).orElseThrow().amount())
        .isEqualTo(Money.of("495", "JPY"));
    assertThat(kept.amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(kept.claim()).isEqualTo(claim);
    assertThat(store.find(other, APRIL).orElseThrow().amount()).isEqualTo(Money.of("198", "JPY"));
  }

  @Test
  void the_offers_of_a_month_are_listed_and_other_months_are_separate() {
    String customer = newCustomerId();
    String other = newCustomerId();
    YearMonth month = YearMonth.of(2031, 1 + Math.floorMod(customer.hashCode(), 12));
    store.offer(offer(customer, month, "198", "JPY"));
    store.offer(offer(other, month, "2.00", "USD"));
    store.offer(offer(customer, month.plusYears(1), "1.00", "USD"));

    List<CreditOffer> listed = store.findByMonth(month);

    assertThat(listed)
        .extracting(CreditOffer::customerId)
        .contains(customer, other)
        .doesNotHaveDuplicates();
    assertThat(listed).allMatch(o -> o.month().equals(month));
    assertThat(store.find(customer, month.plusYears(1)).orElseThrow().amount())
        .isEqualTo(Money.of("1.00", "USD"));
  }

  @Test
  void a_claim_on_a_month_never_offered_finds_nothing() {
    assertThat(store.startClaim(newCustomerId(), APRIL, pending(NOW))).isEmpty();
  }

  @Test
  void a_started_claim_is_kept_exactly_and_a_second_one_does_not_start_while_it_lives() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim first = pending(NOW);

    CreditOffer started = store.startClaim(customer, APRIL, first).orElseThrow();
    CreditOffer second =
        store.startClaim(customer, APRIL, pending(NOW.plus(LEASE).minusNanos(1000))).orElseThrow();

    assertThat(started.claim()).isEqualTo(first);
    assertThat(second.claim()).isEqualTo(first);
    assertThat(store.find(customer, APRIL).orElseThrow().claim()).isEqualTo(first);
  }

  @Test
  void a_lapsed_pending_claim_is_taken_over_at_its_until_exactly() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim first = pending(NOW);
    store.startClaim(customer, APRIL, first);
    CreditClaim takeover = pending(first.until());

    CreditOffer after = store.startClaim(customer, APRIL, takeover).orElseThrow();

    assertThat(after.claim()).isEqualTo(takeover);
    assertThat(
            store.settleClaim(
                customer, APRIL, first.attempt(), ClaimState.APPLIED, "cbtxn_late", NOW))
        .isFalse();
  }

  @Test
  void only_the_holder_settles_and_a_settled_claim_is_never_taken_over() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim mine = pending(NOW);
    store.startClaim(customer, APRIL, mine);
    Instant settledAt = NOW.plusSeconds(2);

    assertThat(
            store.settleClaim(customer, APRIL, "someone-else", ClaimState.APPLIED, "x", settledAt))
        .isFalse();
    assertThat(
            store.settleClaim(
                customer, APRIL, mine.attempt(), ClaimState.APPLIED, "cbtxn_1", settledAt))
        .isTrue();

    CreditClaim stored = store.find(customer, APRIL).orElseThrow().claim();
    assertThat(stored.state()).isEqualTo(ClaimState.APPLIED);
    assertThat(stored.reference()).isEqualTo("cbtxn_1");
    assertThat(stored.settledAt()).isEqualTo(settledAt);
    assertThat(stored.requestedOn()).isEqualTo(mine.requestedOn());
    CreditOffer later =
        store.startClaim(customer, APRIL, pending(NOW.plus(Duration.ofDays(9)))).orElseThrow();
    assertThat(later.claim()).isEqualTo(stored);
    assertThat(store.releaseClaim(customer, APRIL, mine.attempt())).isFalse();
    assertThat(
            store.settleClaim(
                customer, APRIL, mine.attempt(), ClaimState.RECORDED, null, settledAt))
        .isFalse();
  }

  @Test
  void a_recorded_claim_has_no_reference() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim mine = pending(NOW);
    store.startClaim(customer, APRIL, mine);

    store.settleClaim(customer, APRIL, mine.attempt(), ClaimState.RECORDED, null, NOW);

    CreditClaim stored = store.find(customer, APRIL).orElseThrow().claim();
    assertThat(stored.state()).isEqualTo(ClaimState.RECORDED);
    assertThat(stored.reference()).isNull();
  }

  @Test
  void a_released_claim_lets_the_next_claim_start_at_once() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim failed = pending(NOW);
    store.startClaim(customer, APRIL, failed);

    assertThat(store.releaseClaim(customer, APRIL, "someone-else")).isFalse();
    assertThat(store.releaseClaim(customer, APRIL, failed.attempt())).isTrue();

    assertThat(store.find(customer, APRIL).orElseThrow().claim()).isNull();
    CreditClaim next = pending(NOW.plusSeconds(1));
    assertThat(store.startClaim(customer, APRIL, next).orElseThrow().claim()).isEqualTo(next);
  }

  @Test
  void settling_as_pending_or_starting_a_settled_claim_is_refused() {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    CreditClaim settled = pending(NOW).settle(ClaimState.RECORDED, null, NOW);

    assertThatThrownBy(() -> store.startClaim(customer, APRIL, settled))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> store.settleClaim(customer, APRIL, "a", ClaimState.PENDING, null, NOW))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void of_concurrent_claims_exactly_one_starts_and_all_see_it() throws Exception {
    String customer = newCustomerId();
    store.offer(offer(customer, APRIL, "198", "JPY"));
    List<CreditClaim> claims =
        List.of(
            pending(NOW),
            pending(NOW),
            pending(NOW),
            pending(NOW),
            pending(NOW),
            pending(NOW),
            pending(NOW),
            pending(NOW));

    List<CreditOffer> answers =
        Concurrently.run(
            8, index -> store.startClaim(customer, APRIL, claims.get(index)).orElseThrow());

    CreditClaim kept = store.find(customer, APRIL).orElseThrow().claim();
    assertThat(claims).contains(kept);
    assertThat(answers).extracting(CreditOffer::claim).containsOnly(kept);
  }
}
