package app.omniy.core.support.spi;

import app.omniy.core.support.SupportTicket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where support tickets are kept (SUP-1 … SUP-3), so that every runtime sees the same tickets: the
 * breach check reads the unanswered ones, the monthly KPIs the ones of a month. Implementations are
 * thread-safe and run {@code app.omniy.testkit.contract.SupportTicketStoreContract}.
 */
public interface SupportTicketStore {

  /** Stores {@code ticket}, replacing the one with its id. */
  void save(SupportTicket ticket);

  /** The ticket with {@code id}, if any. */
  Optional<SupportTicket> find(String id);

  /**
   * Tickets support has not answered yet (no first response), oldest opened first: what the
   * first-response breach check (SUP-1) looks at.
   */
  List<SupportTicket> awaitingFirstResponse();

  /**
   * Tickets opened or resolved in {@code [from, to)}, oldest opened first, each once: what {@code
   * SupportKpis} counts for a month (opened by opening time, resolved by resolution time, SUP-3).
   *
   * @throws app.omniy.core.InvalidValueException if {@code to} is before {@code from}
   */
  List<SupportTicket> openedOrResolvedIn(Instant from, Instant to);
}
