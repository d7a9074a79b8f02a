package app.omniy.core.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** An access-ordered map that forgets its least recently used entry beyond a capacity. */
final class Lru<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  Lru(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
