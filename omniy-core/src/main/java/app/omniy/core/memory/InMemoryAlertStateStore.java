package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link AlertStateStore} in a concurrent map; compare-and-set through {@code compute}. */
public final class InMemoryAlertStateStore implements AlertStateStore {
  private final ConcurrentMap<AlertKey, AlertState> states = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryAlertStateStore() {}

  @Override
  public Optional<AlertState> find(AlertKey key) {
    if (key == null) {
      throw new InvalidValueException("key", null, "is required");
    }
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public boolean compareAndSet(AlertState next) {
    if (next == null) {
      throw new InvalidValueException("next", null, "is required");
    }
    if (next.version() < 1) {
      throw new InvalidValueException("next.version", next.version(), "must be at least 1");
    }
    long expected = next.version() - 1;
    boolean[] stored = {false};
    states.compute(
        next.key(),
        (key, current) -> {
          long version = current == null ? 0 : current.version();
          if (version != expected) {
            return current;
          }
          stored[0] = true;
          return next;
        });
    return stored[0];
  }

  @Override
  public List<AlertState> all() {
    return List.copyOf(states.values());
  }
}
