package app.omniy.runtime.internal;

import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.AlertRuleSource;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.runtime.incident.IncidentRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The alert engine as the runtime's configuration ({@code OmniyConfig}) sets it: notifiers per
 * channel, rules (default: {@code DefaultAlertRules.all()}, the guide's eleven, MNT-3 and SUP-1),
 * where alert state lives and the cadence (ALERT-5: 1 min). Started with the runtime when there is
 * someone to tell or incidents were asked for, it evaluates the runtime's own meter registry, so
 * the default rules read the very meters the dispatcher records (ALERT-6), and every cycle ends
 * with the incidents ({@link IncidentWiring}): one engine evaluates, notifies and opens incidents.
 */
public final class AlertWiring {
  private final Map<Channel, Notifier> notifiers;
  private final @Nullable Notifier escalationContact;
  private final List<AlertRule> rules;
  private final @Nullable AlertRuleSource reloadable;
  private final AlertStateStore state;
  private final Duration every;
  private @Nullable DowntimeStore maintenance;

  /**
   * @param notifiers who hears each channel's alerts
   * @param escalationContact who else hears of escalations (ALERT-3)
   * @param rules fixed rules, unless {@code reloadable} is given
   * @param reloadable rules from a file, reloaded when it changes (ALERT-4)
   * @param state where alert state lives; share one between runtimes to notify once
   * @param every how often the rules are evaluated
   */
  public AlertWiring(
      Map<Channel, Notifier> notifiers,
      @Nullable Notifier escalationContact,
      List<AlertRule> rules,
      @Nullable AlertRuleSource reloadable,
      AlertStateStore state,
      Duration every) {
    this.notifiers = notifiers;
    this.escalationContact = escalationContact;
    this.rules = List.copyOf(rules);
    this.reloadable = reloadable;
    this.state = state;
    this.every = every;
  }

  /**
   * The downtime ledger whose planned-maintenance periods silence every alert while they last
   * (ALERT-2, SLA-2); none by default.
   */
  public AlertWiring maintenance(DowntimeStore downtime) {
    this.maintenance = downtime;
    return this;
  }

  /**
   * Starts evaluating {@code registry} at the configured cadence on a thread of its own, reading
   * each meter under {@code canonicalNames} of its name; {@code incidents} builds, on the engine's
   * own notification dispatcher, the incident runtime each cycle ends with.
   */
  public Running start(
      Clock clock,
      MeterRegistry registry,
      UnaryOperator<String> canonicalNames,
      Function<NotificationDispatcher, IncidentWiring> incidents) {
    ExecutorService deliveries = Executors.newFixedThreadPool(2, daemons("omniy-alert-delivery"));
    var dispatcher =
        new NotificationDispatcher(
            notifiers,
            escalationContact,
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            deliveries);
    IncidentWiring incidentWiring = incidents.apply(dispatcher);
    AlertRuntime.Builder builder =
        AlertRuntime.builder(clock, dispatcher)
            .store(state)
            .registry(registry, canonicalNames)
            .every(every)
            .afterCycle(incidentWiring);
    if (maintenance != null) {
      builder.maintenance(maintenance);
    }
    AlertRuleSource file = reloadable;
    AlertRuntime runtime = (file != null ? builder.rules(file) : builder.rules(rules)).build();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(daemons("omniy-alerts"));
    runtime.start(scheduler);
    return new Running(runtime, incidentWiring.incidents(), scheduler, deliveries);
  }

  /** A started alert engine and the threads it runs on. */
  public static final class Running implements AutoCloseable {
    private final AlertRuntime runtime;
    private final IncidentRuntime incidents;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService deliveries;

    Running(
        AlertRuntime runtime,
        IncidentRuntime incidents,
        ScheduledExecutorService scheduler,
        ExecutorService deliveries) {
      this.runtime = runtime;
      this.incidents = incidents;
      this.scheduler = scheduler;
      this.deliveries = deliveries;
    }

    /** The engine: tick it, acknowledge alerts, read its rules. */
    public AlertRuntime runtime() {
      return runtime;
    }

    /** The incidents each cycle ends with. */
    public IncidentRuntime incidents() {
      return incidents;
    }

    /** Whether its threads have all ended. */
    public boolean terminated() {
      return scheduler.isTerminated() && deliveries.isTerminated();
    }

    /** Stops the schedule; a cycle running finishes and its deliveries are sent, up to 10 s. */
    @Override
    public void close() {
      runtime.close();
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        deliveries.shutdown();
        deliveries.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler.shutdownNow();
      deliveries.shutdownNow();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
