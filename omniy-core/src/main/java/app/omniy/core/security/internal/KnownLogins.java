package app.omniy.core.security.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The countries and devices each account logged in from successfully, with when each was last seen:
 * at most {@code perAccount} of each per account and {@code maxAccounts} accounts, each entry
 * forgotten {@code remember} after it was last seen.
 */
public final class KnownLogins {
  private final int perAccount;
  private final long rememberMillis;
  private final Lru<String, Account> accounts;

  /** What one account is known by. */
  private final class Account {
    final Lru<String, Long> countries = new Lru<>(perAccount);
    final Lru<String, Long> devices = new Lru<>(perAccount);

    void forget(long t) {
      countries.values().removeIf(seen -> t - seen > rememberMillis);
      devices.values().removeIf(seen -> t - seen > rememberMillis);
    }

    boolean isEmpty() {
      return countries.isEmpty() && devices.isEmpty();
    }
  }

  /** What one successful login tells about its account. */
  public record Novelty(boolean newCountry, boolean newDevice) {}

  /**
   * @param perAccount countries, and devices, remembered per account
   * @param remember how long an entry stays known after it was last seen
   * @param maxAccounts accounts tracked at once; the least recently seen is forgotten first
   */
  public KnownLogins(int perAccount, Duration remember, int maxAccounts) {
    this.perAccount = perAccount;
    this.rememberMillis = remember.toMillis();
    this.accounts = new Lru<>(maxAccounts);
  }

  /**
   * Records a successful login and says whether its country or device is new for the account. A
   * value is new only when the account already has known values of that kind: the first login we
   * see of an account sets its baseline and is not an anomaly. A missing value is never new.
   */
  public Novelty succeeded(String account, String country, String device, Instant at) {
    long t = at.toEpochMilli();
    Account known = accounts.computeIfAbsent(account, a -> new Account());
    known.forget(t);
    boolean newCountry = isNew(known.countries, country);
    boolean newDevice = isNew(known.devices, device);
    remember(known.countries, country, t);
    remember(known.devices, device, t);
    return new Novelty(newCountry, newDevice);
  }

  /**
   * Forgets entries last seen more than {@code remember} before {@code now}, and empty accounts.
   */
  public void prune(Instant now) {
    long t = now.toEpochMilli();
    accounts
        .values()
        .removeIf(
            known -> {
              known.forget(t);
              return known.isEmpty();
            });
  }

  /** Accounts tracked now. */
  public int size() {
    return accounts.size();
  }

  private static boolean isNew(Lru<String, Long> known, String value) {
    return !value.isEmpty() && !known.isEmpty() && !known.containsKey(value);
  }

  private static void remember(Lru<String, Long> known, String value, long t) {
    if (!value.isEmpty()) {
      known.merge(value, t, Math::max);
    }
  }
}
