package app.omniy.core.memory;

import app.omniy.core.Require;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DowntimeStore} in memory, for tests and single-process hosts. Thread-safe; ids are
 * {@code downtime-1}, {@code downtime-2}, … in the order periods were added.
 */
public final class InMemoryDowntimeStore implements DowntimeStore {
  private static final Comparator<Stored> ORDER =
      Comparator.comparing((Stored s) -> s.period().start())
          .thenComparing(s -> s.period().end())
          .thenComparing(Stored::id);

  private final Map<String, DowntimePeriod> periods = new LinkedHashMap<>();
  private long nextId = 1;

  /** An empty store. */
  public InMemoryDowntimeStore() {
    // nothing stored yet
  }

  @Override
  public synchronized String add(DowntimePeriod period) {
    Require.nonNull(period, "period");
    String id = "downtime-" + nextId++;
    periods.put(id, period);
    return id;
  }

  @Override
  public synchronized boolean remove(String id) {
    Require.nonNull(id, "id");
    return periods.remove(id) != null;
  }

  @Override
  public synchronized List<Stored> overlapping(TimeRange range) {
    Require.nonNull(range, "range");
    List<Stored> found = new ArrayList<>();
    periods.forEach(
        (id, period) -> {
          if (period.range().overlaps(range)) {
            found.add(new Stored(id, period));
          }
        });
    found.sort(ORDER);
    return List.copyOf(found);
  }
}
