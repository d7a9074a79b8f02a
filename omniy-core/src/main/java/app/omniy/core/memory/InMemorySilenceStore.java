package app.omniy.core.memory;

import app.omniy.core.Require;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.SilenceStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Silences in memory (ALERT-2). */
final class InMemorySilenceStore implements SilenceStore {
  private final ConcurrentMap<String, Silence> silences = new ConcurrentHashMap<>();

  @Override
  public void put(Silence silence) {
    Require.nonNull(silence, "silence");
    silences.put(silence.id(), silence);
  }

  @Override
  public Optional<Silence> find(String id) {
    return Optional.ofNullable(silences.get(Require.nonNull(id, "id")));
  }

  @Override
  public boolean remove(String id) {
    return silences.remove(Require.nonNull(id, "id")) != null;
  }

  @Override
  public List<Silence> all() {
    return silences.values().stream()
        .sorted(Comparator.comparing(Silence::start).thenComparing(Silence::id))
        .toList();
  }
}
