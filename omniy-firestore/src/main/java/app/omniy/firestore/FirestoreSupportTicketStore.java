package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.memory.InMemorySupportTicketStore;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.core.support.spi.SupportTicketStore;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SupportTicketStore} on Firestore (SUP-1 … SUP-3): one document per ticket in {@code
 * omniy/{namespace}/supportTickets}, with {@code id}, {@code priority} ({@code HIGH}…), {@code
 * opened}, {@code firstResponse} and {@code resolved} (timestamps, absent until they happen),
 * {@code firstContact}, {@code satisfaction} (absent until rated), {@code level} ({@code L1}…) and,
 * for the breach check's query, {@code answered}.
 *
 * <p>Every query is on one field ({@code answered ==}, a range of {@code opened}, a range of {@code
 * resolved}), served by Firestore's automatic single-field indexes: nothing to deploy. Results are
 * sorted here; unanswered tickets and a month's tickets are few.
 */
public final class FirestoreSupportTicketStore implements SupportTicketStore {
  static final String COLLECTION = FirestoreCollections.SUPPORT_TICKETS;

  private final CollectionReference tickets;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreSupportTicketStore(FirestoreStoreOptions options) {
    Require.nonNull(options, "options");
    this.tickets = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public void save(SupportTicket ticket) {
    Require.nonNull(ticket, "ticket");
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", ticket.id());
    fields.put("priority", ticket.priority().name());
    fields.put("opened", Times.ts(ticket.openedAt()));
    ticket.firstResponse().ifPresent(at -> fields.put("firstResponse", Times.ts(at)));
    fields.put("answered", ticket.firstResponseAt() != null);
    ticket.resolution().ifPresent(at -> fields.put("resolved", Times.ts(at)));
    fields.put("firstContact", ticket.resolvedAtFirstContact());
    if (ticket.satisfaction() != null) {
      fields.put("satisfaction", ticket.satisfaction().longValue());
    }
    fields.put("level", ticket.level().name());
    calls.get(tickets.document(DocumentIds.encode(ticket.id())).set(fields));
  }

  @Override
  public Optional<SupportTicket> find(String id) {
    DocumentSnapshot doc =
        calls.get(tickets.document(DocumentIds.encode(Args.nonBlank(id, "id"))).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public List<SupportTicket> awaitingFirstResponse() {
    return sorted(run(tickets.whereEqualTo("answered", false)));
  }

  @Override
  public List<SupportTicket> openedOrResolvedIn(Instant from, Instant to) {
    InMemorySupportTicketStore.checkRange(from, to);
    Map<String, SupportTicket> byId = new LinkedHashMap<>();
    for (String field : List.of("opened", "resolved")) {
      Query range =
          tickets
              .whereGreaterThanOrEqualTo(field, Times.ts(from))
              .whereLessThan(field, Times.ts(to));
      run(range).forEach(t -> byId.putIfAbsent(t.id(), t));
    }
    return sorted(List.copyOf(byId.values()));
  }

  private List<SupportTicket> run(Query query) {
    return calls.get(query.get()).getDocuments().stream()
        .map(FirestoreSupportTicketStore::read)
        .toList();
  }

  private static List<SupportTicket> sorted(List<SupportTicket> list) {
    return list.stream().sorted(InMemorySupportTicketStore.BY_OPENING).toList();
  }

  private static SupportTicket read(DocumentSnapshot doc) {
    Long satisfaction = doc.getLong("satisfaction");
    return new SupportTicket(
        doc.getString("id"),
        SupportPriority.valueOf(doc.getString("priority")),
        Times.instant(doc.getTimestamp("opened")),
        Times.instant(doc.getTimestamp("firstResponse")),
        Times.instant(doc.getTimestamp("resolved")),
        Boolean.TRUE.equals(doc.getBoolean("firstContact")),
        satisfaction == null ? null : satisfaction.intValue(),
        EscalationLevel.valueOf(doc.getString("level")));
  }
}
