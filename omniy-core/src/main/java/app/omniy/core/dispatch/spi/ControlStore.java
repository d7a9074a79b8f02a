package app.omniy.core.dispatch.spi;

import app.omniy.core.Require;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The switches every runtime on one store obeys: the publishing pause (INC-4, "disable a feature by
 * flag") and the accounts waiting for re-authorisation (POST-11). A pause by one runtime stops them
 * all; an account found needing re-authorisation by one waits on all. Runtimes read it often and
 * cache it briefly. Implementations are thread-safe; each write is atomic on its own.
 */
public interface ControlStore {

  /** The switches as stored now. */
  Controls read();

  /**
   * Pauses publishing for every runtime, for {@code reason}; a second pause replaces the reason.
   */
  void pause(String reason);

  /** Lifts the pause; nothing happens when there is none. */
  void resume();

  /** Marks {@code accountId} as needing re-authorisation; marking it again changes nothing. */
  void markNeedsReauth(String accountId);

  /** Clears the mark of {@code accountId}; nothing happens when there is none. */
  void clearNeedsReauth(String accountId);

  /**
   * The switches at one moment.
   *
   * @param pauseReason why publishing is paused, or null when it is not
   * @param accountsNeedingReauth the accounts marked as needing re-authorisation
   */
  record Controls(@Nullable String pauseReason, Set<String> accountsNeedingReauth) {

    /** Nothing paused, no account marked. */
    public static final Controls NONE = new Controls(null, Set.of());

    /**
     * @throws app.omniy.core.InvalidValueException if the reason is blank or an account missing
     */
    public Controls {
      if (pauseReason != null) {
        Require.nonBlank(pauseReason, "pauseReason");
      }
      accountsNeedingReauth = Set.copyOf(Require.nonNull(accountsNeedingReauth, "accounts"));
    }

    /** Why publishing is paused, if it is. */
    public Optional<String> paused() {
      return Optional.ofNullable(pauseReason);
    }
  }
}
