package app.omniy.core.memory;

import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.SilenceStore;
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

/**
 * One entry point to every store SPI in this process's memory: thread-safe, lost when the process
 * ends, each passing the same contract suite as the Firestore stores. For tests, trials and a host
 * that runs one instance; several runtimes that share work share a persistent store instead.
 *
 * <pre>{@code
 * PostStore posts = InMemoryStores.posts();
 * AlertEvaluator alerts = AlertEvaluator.create(DefaultAlertRules.all(), InMemoryStores.alertStates());
 * }</pre>
 */
public final class InMemoryStores {
  private InMemoryStores() {}

  /**
   * A new set of every store, in memory: for {@code Omniy.builder().stores(…)} in tests and trials.
   * Each method of the set returns the same store every time.
   */
  public static Stores all() {
    return new Set(
        posts(),
        alertStates(),
        incidents(),
        downtime(),
        jobLeases(),
        jobRuns(),
        supportTickets(),
        processedEvents(),
        appliedCredits(),
        creditOffers(),
        controls());
  }

  private record Set(
      PostStore posts,
      AlertStateStore alertStates,
      IncidentStore incidents,
      DowntimeStore downtime,
      JobLeaseStore jobLeases,
      JobRunStore jobRuns,
      SupportTicketStore supportTickets,
      ProcessedEventStore processedEvents,
      AppliedCreditStore appliedCredits,
      CreditOfferStore creditOffers,
      ControlStore controls)
      implements Stores {}

  /** Scheduled posts, their leases and history (POST-4, POST-8). */
  public static PostStore posts() {
    return new InMemoryPostStore();
  }

  /** Alert states, one per rule and label set (ALERT-1). */
  public static AlertStateStore alertStates() {
    return new InMemoryAlertStateStore();
  }

  /** Silences (ALERT-2). */
  public static SilenceStore silences() {
    return new InMemorySilenceStore();
  }

  /** The downtime ledger's periods (SLA-2). */
  public static DowntimeStore downtime() {
    return new InMemoryDowntimeStore();
  }

  /** Incidents and their timelines (INC-1 … INC-3). */
  public static IncidentStore incidents() {
    return new InMemoryIncidentStore();
  }

  /** Maintenance job leases: one run per occurrence across runtimes (MNT-2). */
  public static JobLeaseStore jobLeases() {
    return new InMemoryJobLeaseStore();
  }

  /** Maintenance run history (MNT-3). */
  public static JobRunStore jobRuns() {
    return new InMemoryJobRunStore();
  }

  /** Stripe events already processed, kept for the default retention. */
  public static ProcessedEventStore processedEvents() {
    return new InMemoryProcessedEventStore();
  }

  /** Service credits already applied, one per customer and month (SLA-7). */
  public static AppliedCreditStore appliedCredits() {
    return new InMemoryAppliedCreditStore();
  }

  /** Service credits offered per customer and month, and their claims (SLA-7). */
  public static CreditOfferStore creditOffers() {
    return new InMemoryCreditOfferStore();
  }

  /** Support tickets and their first responses (SUP-1). */
  public static SupportTicketStore supportTickets() {
    return new InMemorySupportTicketStore();
  }

  /** The publishing pause and re-authorisation marks shared by runtimes (INC-4, POST-11). */
  public static ControlStore controls() {
    return new InMemoryControlStore();
  }
}
