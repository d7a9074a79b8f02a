package app.omniy.core.spi;

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
import app.omniy.core.support.spi.SupportTicketStore;

/**
 * Every store of one installation, on one backend: what {@code Omniy.builder().stores(…)} wires the
 * whole runtime onto in one call (posts, alert state, incidents, the downtime ledger, the
 * maintenance leases and runs, support tickets, the publishing pause and re-authorisation marks),
 * and where the host's Stripe endpoint keeps its processed events and applied credits. Each method
 * returns the same store every time.
 */
public interface Stores {
  /** Scheduled posts, their leases and history (POST-4, POST-8). */
  PostStore posts();

  /** Alert states, one per rule and label set (ALERT-1); shared, every alert notifies once. */
  AlertStateStore alertStates();

  /** Incidents and their timelines (INC-1 … INC-3). */
  IncidentStore incidents();

  /** The downtime ledger's periods (SLA-2). */
  DowntimeStore downtime();

  /** Maintenance job leases: one run per occurrence across runtimes (MNT-2). */
  JobLeaseStore jobLeases();

  /** Maintenance run history (MNT-3). */
  JobRunStore jobRuns();

  /** Support tickets and their first responses (SUP-1). */
  SupportTicketStore supportTickets();

  /** Stripe events already processed (SLA-6). */
  ProcessedEventStore processedEvents();

  /** Service credits already applied, one per customer and month (SLA-7). */
  AppliedCreditStore appliedCredits();

  /** Service credits offered at month end and their claims (SLA-7). */
  CreditOfferStore creditOffers();

  /** The publishing pause and the re-authorisation marks, shared by every runtime (INC-4). */
  ControlStore controls();
}
