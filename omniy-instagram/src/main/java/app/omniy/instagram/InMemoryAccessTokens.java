package app.omniy.instagram;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.instagram.spi.AccessTokens;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens kept in memory: for tests, trials and hosts that load tokens from their own storage at
 * start-up. Accounts marked for re-authorisation are listed by {@link #needingReauthorisation()}.
 */
public final class InMemoryAccessTokens implements AccessTokens {
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> reauthorisation = new ConcurrentHashMap<>();

  /** Sets the account's token and clears any re-authorisation mark. */
  public InMemoryAccessTokens put(String accountId, AccessToken token) {
    if (accountId == null || accountId.isBlank()) {
      throw new InvalidValueException("accountId", accountId, "must not be blank");
    }
    Require.nonNull(token, "token");
    tokens.put(accountId, token);
    reauthorisation.remove(accountId);
    return this;
  }

  @Override
  public Optional<AccessToken> current(String accountId) {
    return Optional.ofNullable(tokens.get(accountId));
  }

  @Override
  public void refreshed(String accountId, AccessToken token) {
    tokens.put(accountId, token);
  }

  @Override
  public void needsReauthorisation(String accountId, String reason) {
    reauthorisation.put(accountId, reason);
  }

  /** The accounts whose owner must reconnect. */
  public Set<String> needingReauthorisation() {
    return Set.copyOf(reauthorisation.keySet());
  }

  /** Why the account needs re-authorisation, if it does. */
  public Optional<String> reauthorisationReason(String accountId) {
    return Optional.ofNullable(reauthorisation.get(accountId));
  }
}
