package app.omniy.instagram.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The containers this process has sent a {@code media_publish} for. {@code media_publish} is not
 * idempotent, so a second one for the same container is refused here until a reconciliation shows
 * the first did not go out (POST-7). Across processes the store's lease fencing does the same job;
 * this guard catches a caller in this process publishing twice. Bounded: the oldest entries are
 * forgotten, long after their containers expired (24 h).
 */
public final class PublishAttempts {
  private static final int CAPACITY = 100_000;

  private final Map<String, Boolean> attempted =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Marks the container; false if a publish was already sent for it. */
  public synchronized boolean begin(String containerId) {
    return attempted.putIfAbsent(containerId, Boolean.TRUE) == null;
  }

  /** Forgets the container: its publish was answered with a refusal, or it did not go out. */
  public synchronized void clear(String containerId) {
    attempted.remove(containerId);
  }
}
