package app.omniy.instagram.spi;

import java.util.Optional;

/**
 * Where the host keeps each account's token. The adapter reads the token before every call,
 * refreshes long-lived tokens before they expire and hands the new one back through {@link
 * #refreshed}; when a token is rejected or cannot be refreshed it calls {@link
 * #needsReauthorisation}, and the account's posts go to {@code NEEDS_REAUTH} (POST-4, POST-11).
 *
 * <p>Implementations must be thread-safe; the adapter calls them from worker threads.
 */
public interface AccessTokens {

  /** The account's current token, or empty when the account has none (never connected). */
  Optional<AccessToken> current(String accountId);

  /**
   * Stores a refreshed token. Called before the old one is dropped, so a crash in between leaves a
   * working token behind (peer schedulers lost tokens by wiping them before the refresh finished).
   */
  void refreshed(String accountId, AccessToken token);

  /** The account's token was rejected and could not be refreshed: the owner must reconnect. */
  void needsReauthorisation(String accountId, String reason);
}
