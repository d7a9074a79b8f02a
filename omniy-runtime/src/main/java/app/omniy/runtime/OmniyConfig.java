package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.AlertRuleSource;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.backup.spi.LastBackup;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.quota.SchedulingQuota;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.spi.SupportTicketStore;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.runtime.incident.Mitigations;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.runtime.probe.Heartbeat;
import app.omniy.runtime.probe.HttpProber;
import app.omniy.runtime.probe.UptimeRobotImporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link Omniy} is started from, checked once and then fixed: what {@link
 * Omniy.Builder} collects ({@link Omniy.Builder#config()}), and what {@link Omniy#config()} tells
 * of a running one. The defaults are the builder's; every health threshold is in {@link
 * #healthThresholds}.
 *
 * @param store where posts live
 * @param publisher how posts go out
 * @param clock the time source
 * @param validator the rules new posts are checked against
 * @param settings lease, retry, quota and warning settings; the owner names this instance's leases;
 *     the lease must outlast the publisher's longest publish ({@link
 *     DispatchSettings#requireLeaseFits})
 * @param listeners host callbacks, told in this order after the runtime's own meters
 * @param threads worker threads: attempts that may run at once, 1 to 1024
 * @param pollInterval how long the dispatcher sleeps when nothing is due
 * @param slowAttempt an attempt slower than this makes the dispatcher claim less
 * @param shutdownGrace how long {@link Omniy#close} waits for running attempts
 * @param meterRegistry where meters go
 * @param metricNaming the prefix the meters are published under
 * @param healthThresholds when the health checks turn DEGRADED and DOWN
 * @param lastBackup where the backup check learns of the last successful backup (BAK-1); {@code
 *     null}: a backup task of {@link #maintenance} answers, else the check is UNKNOWN
 * @param notifiers who hears each channel's alerts
 * @param escalationContact who else hears of escalated alerts (ALERT-3), or {@code null}
 * @param alertRules the alert rules, unless {@link #alertRuleSource} is given
 * @param alertRuleSource alert rules from a file, reloaded when it changes (ALERT-4); when given,
 *     it replaces {@link #alertRules}
 * @param alertStateStore where alert state lives
 * @param alertEvery how often alert rules are evaluated (ALERT-5)
 * @param supportTickets the help desk's tickets the runtime watches for SUP-1, or {@code null}
 * @param supportDeadlines the first-response deadlines those tickets are held to
 * @param maintenance adds the maintenance tasks and stores to the scheduler (MNT-1 … MNT-3), or
 *     {@code null} for no maintenance
 * @param probes configures the built-in HTTP prober (SLA-5), or {@code null} for none
 * @param uptimeRobot configures the UptimeRobot log importer (SLA-5), or {@code null} for none
 * @param heartbeat configures the dead-man's-switch heartbeat, or {@code null} for none
 * @param controls where the publishing pause and the re-authorisation marks are shared with every
 *     runtime on the same store (INC-4, POST-11), or {@code null} to keep them in this runtime
 * @param downtime the downtime ledger (SLA-2): recovered incidents' downtime goes here (INC-2)
 * @param incidentStore where incidents live, unless {@link #incidents} sets another
 * @param incidents configures the incident runtime (INC-1 … INC-4) after the runtime's own
 *     settings, or {@code null} for its defaults; given, it starts the alert engine even without a
 *     notifier
 * @param mitigations the mitigations applied by themselves when an incident opens, by the rule id
 *     that caused it (INC-4)
 * @param mitigationActions the host's named mitigations those declarations may name, besides the
 *     runtime's {@link Mitigations#PAUSE_PUBLISHING}
 * @param incidentListeners host callbacks told every incident event of the runtime's cycles
 * @param extensions components started with the runtime and closed with it, in reverse order
 * @param schedulingQuota what {@code posts().schedule…} does when the account's rolling 24 hours
 *     around the requested time are already full (POST-3; default warn with the next free slot)
 */
public record OmniyConfig(
    PostStore store,
    Publisher publisher,
    Clock clock,
    PostValidator validator,
    DispatchSettings settings,
    List<DispatchListener> listeners,
    int threads,
    Duration pollInterval,
    Duration slowAttempt,
    Duration shutdownGrace,
    MeterRegistry meterRegistry,
    MetricNaming metricNaming,
    HealthThresholds healthThresholds,
    @Nullable LastBackup lastBackup,
    Map<Channel, Notifier> notifiers,
    @Nullable Notifier escalationContact,
    List<AlertRule> alertRules,
    @Nullable AlertRuleSource alertRuleSource,
    AlertStateStore alertStateStore,
    Duration alertEvery,
    @Nullable SupportTicketStore supportTickets,
    SupportDeadlines supportDeadlines,
    @Nullable Consumer<MaintenanceScheduler.Builder> maintenance,
    @Nullable Consumer<HttpProber.Builder> probes,
    @Nullable Consumer<UptimeRobotImporter.Builder> uptimeRobot,
    @Nullable Consumer<Heartbeat.Builder> heartbeat,
    @Nullable ControlStore controls,
    DowntimeStore downtime,
    IncidentStore incidentStore,
    @Nullable Consumer<IncidentRuntime.Builder> incidents,
    Mitigations mitigations,
    Map<String, Mitigation> mitigationActions,
    List<Consumer<IncidentEvent>> incidentListeners,
    List<Omniy.Extension> extensions,
    SchedulingQuota schedulingQuota) {

  /** The most worker threads. */
  public static final int MAX_THREADS = 1024;

  /**
   * Checks every field and copies the lists and the map, so the configuration cannot change after.
   *
   * @throws InvalidValueException naming the field that is missing or out of range (a list's
   *     element as {@code listeners[2]}, a notifier as {@code notifiers[SLACK]}), or {@code
   *     leaseDuration} if the lease cannot outlast the publisher's longest publish with the clock
   *     skew margin to spare (POST-7, POST-8), or {@code mitigations[ALERT-C1]} if a declaration
   *     names a mitigation neither the runtime nor the host defines
   */
  public OmniyConfig {
    Require.nonNull(store, "store");
    Require.nonNull(publisher, "publisher");
    Require.nonNull(clock, "clock");
    Require.nonNull(validator, "validator");
    Require.nonNull(settings, "settings").requireLeaseFits(publisher);
    listeners = elements(listeners, "listeners");
    Require.inRange(threads, 1, MAX_THREADS, "threads");
    Require.positive(pollInterval, "pollInterval");
    Require.positive(slowAttempt, "slowAttempt");
    Require.positive(shutdownGrace, "shutdownGrace");
    Require.nonNull(meterRegistry, "meterRegistry");
    Require.nonNull(metricNaming, "metricNaming");
    Require.nonNull(healthThresholds, "healthThresholds");
    notifiers = notifiers(notifiers);
    alertRules = elements(alertRules, "alertRules");
    Require.nonNull(alertStateStore, "alertStateStore");
    Require.positive(alertEvery, "alertEvery");
    Require.nonNull(supportDeadlines, "supportDeadlines");
    Require.nonNull(downtime, "downtime");
    Require.nonNull(incidentStore, "incidentStore");
    Require.nonNull(mitigations, "mitigations");
    mitigationActions = actions(mitigationActions);
    for (Map.Entry<String, List<String>> e : mitigations.asMap().entrySet()) {
      for (String name : e.getValue()) {
        if (!name.equals(Mitigations.PAUSE_PUBLISHING) && !mitigationActions.containsKey(name)) {
          throw new InvalidValueException(
              "mitigations[" + e.getKey() + "]",
              name,
              "is not a known mitigation: name it with mitigation(name, mitigation)");
        }
      }
    }
    incidentListeners = elements(incidentListeners, "incidentListeners");
    extensions = elements(extensions, "extensions");
    Require.nonNull(schedulingQuota, "schedulingQuota");
  }

  /** The host's named mitigations, copied; refuses the runtime's own name and blank names. */
  private static Map<String, Mitigation> actions(@Nullable Map<String, Mitigation> map) {
    Map<String, Mitigation> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Mitigation> e : Require.nonNull(map, "mitigationActions").entrySet()) {
      String name = e.getKey();
      if (name == null || name.isBlank() || name.equals(Mitigations.PAUSE_PUBLISHING)) {
        throw new InvalidValueException(
            "mitigationActions",
            name,
            "must be a name of the host's own, not blank nor " + Mitigations.PAUSE_PUBLISHING);
      }
      copy.put(name, Require.nonNull(e.getValue(), "mitigationActions[" + name + "]"));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Whether anyone would hear an alert (a notifier or an escalation contact) or incidents were
   * asked for: only then does the runtime start its alert engine, whose every cycle ends with the
   * incidents.
   */
  public boolean alertsEnabled() {
    return !notifiers.isEmpty() || escalationContact != null || incidents != null;
  }

  /** An unmodifiable copy of {@code list}, or throws naming the field or its missing element. */
  static <T> List<T> elements(@Nullable List<T> list, String field) {
    List<T> copy = new ArrayList<>(Require.nonNull(list, field));
    for (int i = 0; i < copy.size(); i++) {
      Require.nonNull(copy.get(i), field + "[" + i + "]");
    }
    return Collections.unmodifiableList(copy);
  }

  /** An unmodifiable copy in channel order, or throws naming the missing channel or notifier. */
  private static Map<Channel, Notifier> notifiers(@Nullable Map<Channel, Notifier> map) {
    Map<Channel, Notifier> copy = new EnumMap<>(Channel.class);
    for (Map.Entry<Channel, Notifier> e : Require.nonNull(map, "notifiers").entrySet()) {
      Channel channel = e.getKey();
      if (channel == null) {
        throw new InvalidValueException(
            "notifiers", e.getValue(), "has a notifier without channel");
      }
      copy.put(channel, Require.nonNull(e.getValue(), "notifiers[" + channel + "]"));
    }
    return Collections.unmodifiableMap(copy);
  }
}
