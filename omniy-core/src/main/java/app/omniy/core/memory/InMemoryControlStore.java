package app.omniy.core.memory;

import app.omniy.core.Require;
import app.omniy.core.dispatch.spi.ControlStore;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The shared switches in memory: shared by the runtimes of one process. */
public final class InMemoryControlStore implements ControlStore {
  private @Nullable String pauseReason;
  private final Set<String> reauth = new HashSet<>();

  /** Nothing paused, no account marked. */
  public InMemoryControlStore() {}

  @Override
  public synchronized Controls read() {
    return new Controls(pauseReason, reauth);
  }

  @Override
  public synchronized void pause(String reason) {
    pauseReason = Require.nonBlank(reason, "reason");
  }

  @Override
  public synchronized void resume() {
    pauseReason = null;
  }

  @Override
  public synchronized void markNeedsReauth(String accountId) {
    reauth.add(Require.nonBlank(accountId, "accountId"));
  }

  @Override
  public synchronized void clearNeedsReauth(String accountId) {
    reauth.remove(Require.nonBlank(accountId, "accountId"));
  }
}
