package app.omniy.runtime.internal;

import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.ControlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a dispatcher's pause (INC-4) and re-authorisation marks (POST-11) in step with a {@link
 * ControlStore} shared by every runtime on it: writes go to the store first, then to the
 * dispatcher; before claiming, the dispatch loop calls {@link #accept}, which re-reads the store
 * when the last read is older than the refresh interval. Accounts the dispatcher itself found
 * needing re-authorisation since the last read are written to the store; an account leaves the
 * dispatcher only when it left the store since the last read, so a mark made meanwhile is never
 * lost. A store that cannot be read keeps the dispatcher as it is until the next refresh.
 */
public final class SharedControls implements Consumer<Instant> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedControls.class);

  private final ControlStore store;
  private final Dispatcher dispatcher;
  private final Duration refresh;
  private Instant nextRead = Instant.MIN;
  private Set<String> lastRead = Set.of();

  /**
   * @param refresh how long a read is trusted: the most a pause by another runtime takes to stop
   *     this one's claims
   */
  public SharedControls(ControlStore store, Dispatcher dispatcher, Duration refresh) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.refresh = refresh;
  }

  /** Re-reads the store if the last read is older than the refresh interval. */
  @Override
  public synchronized void accept(Instant now) {
    if (now.isBefore(nextRead)) {
      return;
    }
    nextRead = now.plus(refresh);
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.warn("Could not read the shared pause and re-authorisation marks: keeping them", e);
    }
  }

  /** Pauses every runtime on the store. */
  public synchronized void pause(String reason) {
    store.pause(reason);
    dispatcher.pause(reason);
  }

  /** Lifts the pause for every runtime on the store. */
  public synchronized void resume() {
    store.resume();
    dispatcher.resume();
  }

  /** Marks the account for every runtime on the store. */
  public synchronized void needsReauth(String accountId) {
    store.markNeedsReauth(accountId);
    dispatcher.accountNeedsReauth(accountId);
  }

  /** Clears the account's mark for every runtime on the store. */
  public synchronized void reauthorised(String accountId) {
    store.clearNeedsReauth(accountId);
    dispatcher.accountReauthorised(accountId);
    Set<String> without = new HashSet<>(lastRead);
    without.remove(accountId);
    lastRead = Set.copyOf(without);
  }

  private void sync() {
    Set<String> local = dispatcher.accountsNeedingReauth();
    for (String account : local) {
      if (!lastRead.contains(account)) {
        store.markNeedsReauth(account); // found by this runtime's attempts (POST-11)
      }
    }
    ControlStore.Controls shared = store.read();
    Optional<String> reason = shared.paused();
    if (reason.isPresent()) {
      if (!reason.equals(dispatcher.paused())) {
        dispatcher.pause(reason.get());
      }
    } else if (dispatcher.paused().isPresent()) {
      dispatcher.resume();
    }
    for (String account : shared.accountsNeedingReauth()) {
      if (!local.contains(account)) {
        dispatcher.accountNeedsReauth(account);
      }
    }
    for (String account : lastRead) {
      if (!shared.accountsNeedingReauth().contains(account)) {
        dispatcher.accountReauthorised(account); // cleared by another runtime
      }
    }
    lastRead = shared.accountsNeedingReauth();
  }
}
