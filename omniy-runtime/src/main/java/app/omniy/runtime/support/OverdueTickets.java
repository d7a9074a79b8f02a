package app.omniy.runtime.support;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.support.SupportBreach;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.spi.SupportTicketStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The support-breach check (SUP-1): tickets still unanswered past their first-response deadline,
 * read from the {@link SupportTicketStore} at the clock's instant. Bound to a registry it is the
 * gauge {@code omniy.support.tickets.overdue{priority}}, which the default rule {@code SUP-1} turns
 * into an alert while any ticket of a priority is overdue; the alert resolves once the ticket is
 * answered. Every runtime may bind it: the alert engine's shared state notifies once.
 *
 * <pre>{@code
 * OverdueTickets.of(ticketStore, SupportDeadlines.GUIDE, clock).bindTo(omniy.meterRegistry());
 * }</pre>
 *
 * <p>Each gauge reads the store when the registry is read (once a minute by the alert engine): the
 * unanswered tickets are few, and no copy can go stale. A ticket answered late stops counting here;
 * it stays a late first response in the month's KPIs ({@code SupportKpis}).
 */
public final class OverdueTickets implements MeterBinder {
  private final SupportTicketStore store;
  private final SupportDeadlines deadlines;
  private final Clock clock;

  private OverdueTickets(SupportTicketStore store, SupportDeadlines deadlines, Clock clock) {
    this.store = store;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * The check of {@code store}'s tickets against {@code deadlines} at {@code clock}'s instant.
   *
   * @throws InvalidValueException naming the argument that is missing
   */
  public static OverdueTickets of(
      SupportTicketStore store, SupportDeadlines deadlines, Clock clock) {
    Require.nonNull(store, "store");
    Require.nonNull(deadlines, "deadlines");
    Require.nonNull(clock, "clock");
    return new OverdueTickets(store, deadlines, clock);
  }

  /** The unanswered tickets past their due time now, oldest opened first. */
  public List<SupportBreach> now() {
    return deadlines.breaches(store.awaitingFirstResponse(), clock.instant());
  }

  /** How many tickets of {@code priority} are overdue now. */
  public long count(SupportPriority priority) {
    return now().stream().filter(b -> b.priority() == priority).count();
  }

  /** Registers one gauge per priority, at zero while nothing is overdue. */
  @Override
  public void bindTo(MeterRegistry registry) {
    Require.nonNull(registry, "registry");
    for (SupportPriority priority : SupportPriority.values()) {
      // A strong reference: Micrometer holds a gauge's object weakly, and the documented
      // OverdueTickets.of(...).bindTo(registry) keeps none, so the gauge read NaN after a GC.
      Gauge.builder(MetricNames.SUPPORT_OVERDUE, this, o -> o.count(priority))
          .strongReference(true)
          .description("support tickets unanswered past their first-response deadline (SUP-1)")
          .tag(MetricNames.TAG_PRIORITY, tag(priority))
          .register(registry);
    }
  }

  /** The {@code priority} tag of {@code priority}: its name in lower case. */
  public static String tag(SupportPriority priority) {
    return Optional.ofNullable(priority)
        .map(p -> p.name().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new InvalidValueException("priority", null, "is required"));
  }
}
