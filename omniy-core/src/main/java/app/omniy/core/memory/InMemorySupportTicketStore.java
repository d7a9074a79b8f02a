package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.support.SupportTicket;
import app.omniy.core.support.spi.SupportTicketStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Support tickets in memory: the embedded default. */
public final class InMemorySupportTicketStore implements SupportTicketStore {
  /** Oldest opened first; the id breaks ties so the order is stable. */
  public static final Comparator<SupportTicket> BY_OPENING =
      Comparator.comparing(SupportTicket::openedAt).thenComparing(SupportTicket::id);

  private final Map<String, SupportTicket> tickets = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemorySupportTicketStore() {}

  @Override
  public void save(SupportTicket ticket) {
    Require.nonNull(ticket, "ticket");
    tickets.put(ticket.id(), ticket);
  }

  @Override
  public Optional<SupportTicket> find(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException("id", id, "must not be blank");
    }
    return Optional.ofNullable(tickets.get(id));
  }

  @Override
  public List<SupportTicket> awaitingFirstResponse() {
    return select(t -> t.firstResponseAt() == null);
  }

  @Override
  public List<SupportTicket> openedOrResolvedIn(Instant from, Instant to) {
    checkRange(from, to);
    return select(t -> within(t.openedAt(), from, to) || within(t.resolvedAt(), from, to));
  }

  /**
   * Checks a half-open range's ends, for every implementation.
   *
   * @throws InvalidValueException naming {@code from} or {@code to}
   */
  public static void checkRange(Instant from, Instant to) {
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidValueException("to", to, "must not be before from (" + from + ")");
    }
  }

  private static boolean within(@Nullable Instant at, Instant from, Instant to) {
    return at != null && !at.isBefore(from) && at.isBefore(to);
  }

  private List<SupportTicket> select(Predicate<SupportTicket> filter) {
    return tickets.values().stream().filter(filter).sorted(BY_OPENING).toList();
  }
}
