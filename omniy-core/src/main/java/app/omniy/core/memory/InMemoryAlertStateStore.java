package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
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
    Require.nonNull(key, "key");
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public boolean compareAndSet(AlertState next) {
    Require.nonNull(next, "next");
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
