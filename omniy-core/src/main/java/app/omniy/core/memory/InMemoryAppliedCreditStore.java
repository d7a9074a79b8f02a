package app.omniy.core.memory;

import app.omniy.core.Require;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.spi.AppliedCreditStore;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link AppliedCreditStore} in this process's memory, for tests and dry runs. A host that
 * applies real credits needs a durable store (omniy-firestore), or a restart forgets what was paid;
 * the Stripe adapter still finds earlier credits in Stripe's own records then. Thread-safe.
 */
public final class InMemoryAppliedCreditStore implements AppliedCreditStore {
  private record Key(String customerId, YearMonth month) {}

  private final ConcurrentMap<Key, AppliedCredit> credits = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryAppliedCreditStore() {}

  @Override
  public Optional<AppliedCredit> find(String customerId, YearMonth month) {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    return Optional.ofNullable(credits.get(new Key(customerId, month)));
  }

  @Override
  public AppliedCredit recordIfAbsent(AppliedCredit credit) {
    Require.nonNull(credit, "credit");
    AppliedCredit existing =
        credits.putIfAbsent(new Key(credit.customerId(), credit.month()), credit);
    return existing == null ? credit : existing;
  }

  @Override
  public List<AppliedCredit> findByMonth(YearMonth month) {
    Require.nonNull(month, "month");
    return credits.values().stream().filter(c -> c.month().equals(month)).toList();
  }
}
