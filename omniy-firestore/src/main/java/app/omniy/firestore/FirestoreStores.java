package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.core.spi.Stores;
import app.omniy.core.support.spi.SupportTicketStore;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every store on Firestore, on one client and namespace, each counting its calls in one registry
 * (ALERT-C3): what {@code Omniy.builder().stores(…)} wires a production runtime onto.
 *
 * <pre>{@code
 * FirestoreStores firestore = FirestoreStores.of(db, registry); // the registry the runtime reads
 * Omniy omniy = Omniy.builder().meterRegistry(registry).stores(firestore)…start();
 * }</pre>
 *
 * <p>The stores are built once, here; each method returns the same one. The post store has the
 * default 16 due-time shards and clock-skew margin.
 */
public final class FirestoreStores implements Stores {
  private final FirestoreStoreOptions options;
  private final FirestorePostStore posts;
  private final FirestoreAlertStateStore alertStates;
  private final FirestoreIncidentStore incidents;
  private final FirestoreDowntimeStore downtime;
  private final FirestoreJobLeaseStore jobLeases;
  private final FirestoreJobRunStore jobRuns;
  private final FirestoreSupportTicketStore supportTickets;
  private final FirestoreProcessedEventStore processedEvents;
  private final FirestoreAppliedCreditStore appliedCredits;
  private final FirestoreCreditOfferStore creditOffers;
  private final FirestoreControlStore controls;

  private FirestoreStores(FirestoreStoreOptions options) {
    this.options = options;
    this.posts = new FirestorePostStore(options);
    this.alertStates = new FirestoreAlertStateStore(options);
    this.incidents = new FirestoreIncidentStore(options);
    this.downtime = new FirestoreDowntimeStore(options);
    this.jobLeases = new FirestoreJobLeaseStore(options);
    this.jobRuns = new FirestoreJobRunStore(options);
    this.supportTickets = new FirestoreSupportTicketStore(options);
    this.processedEvents = new FirestoreProcessedEventStore(options);
    this.appliedCredits = new FirestoreAppliedCreditStore(options);
    this.creditOffers = new FirestoreCreditOfferStore(options);
    this.controls = new FirestoreControlStore(options);
  }

  /**
   * Every store in the default namespace, counting in {@code meters}.
   *
   * @throws InvalidValueException naming {@code db} or {@code meters} if missing
   */
  public static FirestoreStores of(Firestore db, MeterRegistry meters) {
    return of(FirestoreStoreOptions.of(db, meters));
  }

  /**
   * Every store on {@code options}: its client, namespace and registry.
   *
   * @throws InvalidValueException naming {@code options} if missing
   */
  public static FirestoreStores of(FirestoreStoreOptions options) {
    return new FirestoreStores(Require.nonNull(options, "options"));
  }

  /** The client, namespace and registry the stores run on. */
  public FirestoreStoreOptions options() {
    return options;
  }

  @Override
  public PostStore posts() {
    return posts;
  }

  @Override
  public AlertStateStore alertStates() {
    return alertStates;
  }

  @Override
  public IncidentStore incidents() {
    return incidents;
  }

  @Override
  public DowntimeStore downtime() {
    return downtime;
  }

  @Override
  public JobLeaseStore jobLeases() {
    return jobLeases;
  }

  @Override
  public JobRunStore jobRuns() {
    return jobRuns;
  }

  @Override
  public SupportTicketStore supportTickets() {
    return supportTickets;
  }

  @Override
  public ProcessedEventStore processedEvents() {
    return processedEvents;
  }

  @Override
  public AppliedCreditStore appliedCredits() {
    return appliedCredits;
  }

  @Override
  public CreditOfferStore creditOffers() {
    return creditOffers;
  }

  @Override
  public ControlStore controls() {
    return controls;
  }
}
