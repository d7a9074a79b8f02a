package app.omniy.firestore;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every collection Omniy's Firestore stores write under {@code omniy/{namespace}} (BAK-1): the one
 * place a store declares its collection. A store names its collection with one of these constants;
 * {@link FirestoreStoreOptions} refuses any other name, and the backups read the list from here:
 * the managed export's collection groups ({@link #collectionGroups()}) and the logical export's
 * expected collections. A new store adds one {@code public static final String} constant here (or a
 * {@link Nested} one for a collection under each document of another) and nothing else; {@link
 * #all()} and {@link #nested()} find them by reflection.
 */
public final class FirestoreCollections {
  /** Scheduled posts ({@link FirestorePostStore}). */
  public static final String POSTS = "posts";

  /** Stripe webhook events processed ({@link FirestoreProcessedEventStore}). */
  public static final String PROCESSED_EVENTS = "processedEvents";

  /** Service credits applied ({@link FirestoreAppliedCreditStore}). */
  public static final String APPLIED_CREDITS = "appliedCredits";

  /** Downtime periods ({@link FirestoreDowntimeStore}). */
  public static final String DOWNTIME = "downtime";

  /** Alert rule states ({@link FirestoreAlertStateStore}). */
  public static final String ALERT_STATES = "alertStates";

  /** Alert silences ({@link FirestoreSilenceStore}). */
  public static final String SILENCES = "silences";

  /** Incidents ({@link FirestoreIncidentStore}). */
  public static final String INCIDENTS = "incidents";

  /** Leases of maintenance jobs ({@link FirestoreJobLeaseStore}). */
  public static final String JOB_LEASES = "jobLeases";

  /** Maintenance job runs ({@link FirestoreJobRunStore}). */
  public static final String MAINTENANCE_JOBS = "maintenanceJobs";

  /** Support tickets ({@link FirestoreSupportTicketStore}). */
  public static final String SUPPORT_TICKETS = "supportTickets";

  /** The publishing pause and re-authorisation marks ({@link FirestoreControlStore}). */
  public static final String CONTROLS = "controls";

  /** Service credits offered at month end and their claims ({@link FirestoreCreditOfferStore}). */
  public static final String CREDIT_OFFERS = "creditOffers";

  /**
   * The runs of each maintenance job, {@code maintenanceJobs/{jobId}/runs/{due}} ({@link
   * FirestoreJobRunStore}); the job documents themselves are never written.
   */
  public static final Nested MAINTENANCE_JOB_RUNS = new Nested(MAINTENANCE_JOBS, "runs");

  /**
   * A collection under each document of a declared collection: {@code {parent}/{documentId}/{id}}.
   *
   * @param parent the declared collection whose documents hold it
   * @param id the nested collection's id
   */
  public record Nested(String parent, String id) {}

  private static final List<String> ALL = declared(String.class);
  private static final List<Nested> NESTED = declared(Nested.class);

  private FirestoreCollections() {}

  /** Every collection declared above, sorted by name. */
  public static List<String> all() {
    return ALL;
  }

  /** Every nested collection declared above, by parent and id. */
  public static List<Nested> nested() {
    return NESTED;
  }

  /**
   * The collection groups a managed export of Omniy's data names: the root collection ({@link
   * FirestoreStoreOptions#ROOT_COLLECTION}, one document per namespace), then {@link #all()}, then
   * the ids of the {@link #nested()} collections. A collection group takes every collection with
   * that id, in every namespace and under every parent document.
   */
  public static List<String> collectionGroups() {
    List<String> groups = new ArrayList<>();
    groups.add(FirestoreStoreOptions.ROOT_COLLECTION);
    groups.addAll(ALL);
    for (Nested n : NESTED) {
      if (!groups.contains(n.id())) {
        groups.add(n.id());
      }
    }
    return List.copyOf(groups);
  }

  /** Whether {@code name} is declared here. */
  public static boolean isDeclared(String name) {
    return ALL.contains(name);
  }

  /**
   * {@code name}, if declared here.
   *
   * @throws IllegalStateException if it is not: a store writing a collection the backups do not
   *     know would leave its data out of them (BAK-1)
   */
  static String require(String name) {
    if (!isDeclared(name)) {
      throw new IllegalStateException(
          "collection '"
              + name
              + "' is not declared in FirestoreCollections: add a constant for it there, so the"
              + " backups cover it (BAK-1)");
    }
    return name;
  }

  /** The public constants of {@code type} declared above, sorted by their text. */
  private static <T> List<T> declared(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Field f : FirestoreCollections.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
        if (f.getType() == type) {
          try {
            found.add(type.cast(f.get(null)));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
          }
        }
      }
    }
    found.sort(Comparator.comparing(Object::toString));
    return List.copyOf(found);
  }
}
