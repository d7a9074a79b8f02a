package app.omniy.runtime.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.RcaDocument;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.memory.InMemoryIncidentStore;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.runtime.alert.NotificationDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs incidents (INC-1 … INC-4) beside the alert runtime:
 *
 * <pre>{@code
 * IncidentRuntime incidents = IncidentRuntime.builder(clock)
 *     .store(incidentStore)              // in memory by default
 *     .downtime(downtimeStore)           // recovered downtime goes to the SLA ledger (INC-2)
 *     .notifications(dispatcher)         // breaches and the Sev1 escalation, via the notifiers
 *     .build();
 * incidents.onAlerts(alerts.tick().evaluation().events()); // a firing ALERT-C* opens one
 * incidents.mitigate(id, Mitigation.pausePublishing(omniy::pause, omniy::resume)); // INC-4
 * incidents.tick();                      // every minute: breaches and escalation
 * }</pre>
 *
 * <p>A {@code FIRED} event of a critical rule opens an incident (detected at the firing time,
 * occurred when the alert's signal went bad, severity from its {@link AlertIncidentPolicy}) unless
 * one is already open for that alert; the alert's {@code RESOLVED} event marks it recovered when
 * its signal went good again, lifts its mitigations and, when its policy says so, adds its downtime
 * to the downtime store: from the first bad evaluation interval of its cause to the first good one
 * ({@link app.omniy.core.alert.AlertSignal}, {@link Incident#downtime}), not from the alert's
 * firing to its resolve. Responding and resolving are the operator's calls. Each missed target
 * (INC-2) is notified once, and a Sev1 unresolved 30 minutes after detection is escalated once to
 * every channel and the escalation contact (INC-1).
 *
 * <p>Everything it knows about an incident is in the store, on the {@link Incident}: the alert that
 * opened it, whether it counts as downtime, its signal, the mitigations in force and its history,
 * which records what was notified. A runtime that replaces one killed mid-incident, on the same
 * stores, finishes the incident: the alert's resolve recovers it, its stored mitigations are lifted
 * by name ({@link Builder#liftable}) and its downtime is recorded; with {@link
 * Builder#alertStates}, an incident whose alert resolved while no runtime was listening is
 * recovered at the next {@link #tick}. Thread-safe: every method is synchronized.
 */
public final class IncidentRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentRuntime.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

  private final Clock clock;
  private final IncidentStore store;
  private final @Nullable DowntimeStore downtime;
  private final @Nullable NotificationDispatcher notifications;
  private final Map<String, AlertIncidentPolicy> policies;
  private final ZoneId zone;
  private final RcaDocument.Language language;
  private final @Nullable AlertStateStore alertStates;
  private final Map<String, Mitigation> mitigations = new HashMap<>();
  private final Set<String> opened = new LinkedHashSet<>();

  private IncidentRuntime(Builder b) {
    this.clock = b.clock;
    this.store = b.store;
    this.downtime = b.downtime;
    this.notifications = b.notifications;
    this.policies = Map.copyOf(b.policies);
    this.zone = b.zone;
    this.language = b.language;
    this.alertStates = b.alertStates;
    for (Mitigation m : b.liftable) {
      mitigations.put(m.name(), m);
    }
  }

  /** A builder; the clock is the only place time is read. */
  public static Builder builder(Clock clock) {
    Require.nonNull(clock, "clock");
    return new Builder(clock);
  }

  /**
   * Opens incidents for critical alerts that fired and recovers those whose alert resolved.
   *
   * @return what happened, in order
   */
  public synchronized List<IncidentEvent> onAlerts(List<AlertEvent> events) {
    Require.nonNull(events, "events");
    List<IncidentEvent> happened = new ArrayList<>();
    for (AlertEvent event : events) {
      if (event.rule().severity() != AlertSeverity.CRITICAL) {
        continue;
      }
      Optional<Incident> open = openFor(event.key().toString());
      if (event.kind() == AlertEvent.Kind.FIRED && open.isEmpty()) {
        AlertIncidentPolicy policy =
            policies.getOrDefault(event.rule().id(), AlertIncidentPolicy.FALLBACK);
        Instant reported = event.signal().start();
        Instant signalStart = reported != null && !reported.isAfter(event.at()) ? reported : null;
        Instant occurred = signalStart != null ? signalStart : event.firingSince();
        happened.add(
            openIncident(
                Incident.open(
                        newId(event.at()),
                        event.rule().id() + " " + event.rule().name(),
                        policy.severity(),
                        policy.affects(),
                        occurred,
                        event.at())
                    .fromAlert(event.key().toString(), policy.downtime(), signalStart),
                event.at(),
                "from " + event.summary()));
      } else if (event.kind() == AlertEvent.Kind.RESOLVED && open.isPresent()) {
        Incident incident = open.get();
        Instant end = event.signal().end();
        Instant from = incident.signalStart() != null ? incident.signalStart() : occurred(incident);
        if (end != null && !end.isBefore(from) && !end.isAfter(event.at())) {
          incident = incident.withSignalEnd(end);
          store.save(incident);
        }
        happened.addAll(
            recover(
                incident.id(),
                incident.signalEnd(),
                event.at(),
                "alert " + event.key() + " resolved"));
      }
    }
    return happened;
  }

  /** The incident opened from {@code alert} that has not recovered yet, if any. */
  private Optional<Incident> openFor(String alert) {
    return store.unresolved().stream()
        .filter(i -> alert.equals(i.sourceAlert()) && i.at(Milestone.RECOVERED).isEmpty())
        .findFirst();
  }

  private static Instant occurred(Incident incident) {
    return incident.at(Milestone.OCCURRED).orElseThrow();
  }

  /**
   * Opens an incident by hand, detected now.
   *
   * @param occurred when the fault began, at or before now
   * @param downtime whether its time to recovery is downtime for the SLA ledger
   */
  public synchronized IncidentEvent open(
      String title,
      IncidentSeverity severity,
      SlaTarget affects,
      Instant occurred,
      boolean downtime) {
    Instant now = clock.instant();
    return openIncident(
        Incident.open(newId(now), title, severity, affects, occurred, now)
            .countingAsDowntime(downtime),
        now,
        "by hand");
  }

  /** Records the first response now (INC-1: the response target). */
  public synchronized List<IncidentEvent> respond(String id, String by) {
    requireText(by, "by");
    Incident incident = current(id);
    if (incident.at(Milestone.RESPONDED).isPresent()) {
      return List.of();
    }
    return reach(
        incident, Milestone.RESPONDED, clock.instant(), IncidentEvent.Kind.RESPONDED, "by " + by);
  }

  /**
   * Applies {@code mitigation} now and records the incident mitigated (INC-4); a mitigation is a
   * response, so an incident not yet responded to is recorded as responded too. The mitigation is
   * lifted when the incident recovers.
   */
  public synchronized List<IncidentEvent> mitigate(String id, Mitigation mitigation) {
    Require.nonNull(mitigation, "mitigation");
    Instant now = clock.instant();
    List<IncidentEvent> happened = new ArrayList<>();
    Incident incident = current(id);
    if (incident.at(Milestone.RESPONDED).isEmpty()) {
      happened.addAll(
          reach(incident, Milestone.RESPONDED, now, IncidentEvent.Kind.RESPONDED, "mitigating"));
      incident = current(id);
    }
    mitigation.apply(incident);
    mitigations.put(mitigation.name(), mitigation);
    List<String> inForce = new ArrayList<>(incident.mitigations());
    if (!inForce.contains(mitigation.name())) {
      inForce.add(mitigation.name());
    }
    incident =
        incident
            .withMitigations(inForce)
            .withUpdate(
                new IncidentUpdate(now, IncidentUpdate.Kind.MITIGATED, null, mitigation.name()));
    store.save(incident);
    if (incident.at(Milestone.MITIGATED).isEmpty()) {
      happened.addAll(
          reach(
              incident, Milestone.MITIGATED, now, IncidentEvent.Kind.MITIGATED, mitigation.name()));
    }
    return happened;
  }

  /** Records service back now, by hand; see {@link #onAlerts} for the automatic way. */
  public synchronized List<IncidentEvent> recover(String id) {
    return recover(id, null, clock.instant(), "by hand");
  }

  /** Records the cause fixed and confirmed now. */
  public synchronized List<IncidentEvent> resolve(String id, String note) {
    requireText(note, "note");
    Incident incident = current(id);
    if (incident.isResolved()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<IncidentEvent> happened = new ArrayList<>();
    if (incident.at(Milestone.RECOVERED).isEmpty()) {
      happened.addAll(recover(id, null, now, "resolved"));
      incident = current(id);
    }
    happened.addAll(reach(incident, Milestone.RESOLVED, now, IncidentEvent.Kind.RESOLVED, note));
    return happened;
  }

  /**
   * Checks every unresolved incident now: missed targets are notified once each (INC-2), a Sev1
   * unresolved 30 minutes after detection is escalated once (INC-1). Call it every minute.
   */
  public synchronized List<IncidentEvent> tick() {
    Instant now = clock.instant();
    List<IncidentEvent> happened = new ArrayList<>();
    @Nullable List<AlertState> states = null;
    for (Incident incident : store.unresolved()) {
      if (alertStates != null
          && incident.sourceAlert() != null
          && incident.at(Milestone.RECOVERED).isEmpty()) {
        states = states == null ? alertStates.all() : states;
        List<IncidentEvent> recovered = recoverIfAlertResolved(incident, states);
        if (!recovered.isEmpty()) {
          happened.addAll(recovered);
          incident = current(incident.id());
        }
      }
      happened.addAll(check(incident, now));
    }
    return happened;
  }

  /**
   * Recovers an incident whose alert resolved while no runtime heard it (one was killed between the
   * alert's resolve and its recovery): at the alert's resolve time, the signal's end unknown.
   */
  private List<IncidentEvent> recoverIfAlertResolved(Incident incident, List<AlertState> states) {
    String alert = incident.sourceAlert();
    if (alert == null) {
      return List.of();
    }
    for (AlertState state : states) {
      if (alert.equals(state.key().toString())
          && state.phase() == AlertPhase.RESOLVED
          && state.resolvedAt() != null
          && !state.resolvedAt().isBefore(incident.at(Milestone.DETECTED).orElseThrow())) {
        return recover(
            incident.id(), null, state.resolvedAt(), "alert " + alert + " resolved meanwhile");
      }
    }
    return List.of();
  }

  /** The incident, as stored. */
  public synchronized Optional<Incident> find(String id) {
    return store.find(id);
  }

  /** Every incident this runtime opened, oldest first, as stored now. */
  public synchronized List<Incident> opened() {
    return opened.stream().map(this::current).toList();
  }

  /** The RCA document of the incident as of now, in the builder's language (INC-3). */
  public synchronized String rca(String id) {
    return rca(id, language);
  }

  /** The RCA document of the incident as of now, in {@code language} (INC-3). */
  public synchronized String rca(String id, RcaDocument.Language language) {
    return RcaDocument.markdown(current(id), clock.instant(), zone, language);
  }

  private IncidentEvent openIncident(Incident opening, Instant detected, String detail) {
    Incident incident =
        opening.withUpdate(new IncidentUpdate(detected, IncidentUpdate.Kind.OPENED, null, detail));
    store.save(incident);
    opened.add(incident.id());
    return new IncidentEvent(IncidentEvent.Kind.OPENED, incident, detected, detail);
  }

  /**
   * Records the incident recovered: when its signal went good again ({@code signalEnd}) if known,
   * else at {@code at}; never before a milestone already reached. Its downtime goes to the ledger
   * before the incident is saved recovered, so a runtime killed in between records it again on
   * taking over, and the ledger merges the two.
   */
  private List<IncidentEvent> recover(
      String id, @Nullable Instant signalEnd, Instant at, String detail) {
    Incident incident = current(id);
    if (incident.at(Milestone.RECOVERED).isPresent()) {
      return List.of();
    }
    Instant recoveredAt = signalEnd != null ? signalEnd : at;
    for (Instant reached : incident.timeline().values()) {
      if (reached.isAfter(recoveredAt)) {
        recoveredAt = reached;
      }
    }
    Incident recovered = incident.reach(Milestone.RECOVERED, recoveredAt);
    if (downtime != null && recovered.countsAsDowntime()) {
      recovered.downtime().ifPresent(downtime::add);
    }
    for (String name : incident.mitigations()) {
      Mitigation mitigation = mitigations.get(name);
      if (mitigation != null) {
        mitigation.lift(recovered);
        recovered =
            recovered.withUpdate(new IncidentUpdate(at, IncidentUpdate.Kind.LIFTED, null, name));
      } else {
        LOG.warn("Incident {}: mitigation '{}' is not known to this runtime: lift it", id, name);
        recovered =
            recovered.withUpdate(
                new IncidentUpdate(
                    at,
                    IncidentUpdate.Kind.NOTE,
                    null,
                    "mitigation '" + name + "' not known to this runtime: lift it by hand"));
      }
    }
    recovered = recovered.withMitigations(List.of());
    return reach(recovered, Milestone.RECOVERED, recoveredAt, IncidentEvent.Kind.RECOVERED, detail);
  }

  private List<IncidentEvent> reach(
      Incident incident, Milestone milestone, Instant at, IncidentEvent.Kind kind, String detail) {
    Incident next =
        incident
            .reach(milestone, at)
            .withUpdate(new IncidentUpdate(at, IncidentUpdate.Kind.REACHED, milestone, detail));
    store.save(next);
    List<IncidentEvent> happened = new ArrayList<>();
    happened.add(new IncidentEvent(kind, next, at, detail));
    happened.addAll(check(next, at));
    return happened;
  }

  private List<IncidentEvent> check(Incident incident, Instant now) {
    List<IncidentEvent> happened = new ArrayList<>();
    List<AlertEvent> notices = new ArrayList<>();
    Incident told = incident;
    for (Breach breach : incident.breaches(now)) {
      if (!told.has(IncidentUpdate.Kind.BREACHED, breach.milestone())) {
        String detail =
            breach.milestone().name().toLowerCase(java.util.Locale.ROOT)
                + " due "
                + breach.due()
                + breach.reachedAt().map(r -> ", reached " + r).orElse(", not reached");
        told =
            told.withUpdate(
                new IncidentUpdate(now, IncidentUpdate.Kind.BREACHED, breach.milestone(), detail));
        happened.add(new IncidentEvent(IncidentEvent.Kind.BREACHED, told, now, detail));
        notices.add(IncidentNotices.breach(incident, breach.milestone(), breach.due(), now));
      }
    }
    if (incident.needsOutsideExperts(now) && !told.has(IncidentUpdate.Kind.ESCALATED, null)) {
      String detail = "unresolved 30 min after detection: outside experts called";
      told = told.withUpdate(new IncidentUpdate(now, IncidentUpdate.Kind.ESCALATED, null, detail));
      happened.add(new IncidentEvent(IncidentEvent.Kind.ESCALATED, told, now, detail));
      notices.add(IncidentNotices.escalation(incident, now));
    }
    if (told != incident) {
      store.save(told);
    }
    if (notifications != null && !notices.isEmpty()) {
      notifications.dispatch(notices);
    }
    return happened;
  }

  private Incident current(String id) {
    requireText(id, "id");
    return store
        .find(id)
        .orElseThrow(() -> new InvalidValueException("id", id, "is not a known incident"));
  }

  private String newId(Instant detected) {
    String base = "INC-" + ID_TIME.format(detected.atZone(zone));
    String id = base;
    for (int n = 2; store.find(id).isPresent(); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "must not be blank");
    }
  }

  /** Builds an {@link IncidentRuntime}; every setting but the clock has a default. */
  public static final class Builder {
    private final Clock clock;
    private IncidentStore store = new InMemoryIncidentStore();
    private @Nullable DowntimeStore downtime;
    private @Nullable NotificationDispatcher notifications;
    private final Map<String, AlertIncidentPolicy> policies =
        new HashMap<>(AlertIncidentPolicy.GUIDE);
    private ZoneId zone = ZoneId.of("Asia/Tokyo");
    private RcaDocument.Language language = RcaDocument.Language.JA;
    private @Nullable AlertStateStore alertStates;
    private final List<Mitigation> liftable = new ArrayList<>();

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /** Where incidents live (default in memory). */
    public Builder store(IncidentStore value) {
      this.store = Require.nonNull(value, "store");
      return this;
    }

    /** Where recovered downtime goes (INC-2); none by default. */
    public Builder downtime(DowntimeStore value) {
      this.downtime = Require.nonNull(value, "downtime");
      return this;
    }

    /** Sends breach notices and escalations through the alert notifiers; none by default. */
    public Builder notifications(NotificationDispatcher value) {
      this.notifications = Require.nonNull(value, "notifications");
      return this;
    }

    /** The policy for alerts of {@code ruleId}, replacing the guide's default for it. */
    public Builder policy(String ruleId, AlertIncidentPolicy policy) {
      requireText(ruleId, "ruleId");
      policies.put(ruleId, Require.nonNull(policy, "policy"));
      return this;
    }

    /** The zone of incident ids and RCA times (default Asia/Tokyo). */
    public Builder zone(ZoneId value) {
      this.zone = Require.nonNull(value, "zone");
      return this;
    }

    /** The RCA's language (default Japanese, the guide's). */
    public Builder language(RcaDocument.Language value) {
      this.language = Require.nonNull(value, "language");
      return this;
    }

    /**
     * A mitigation an incident in the store may have in force when this runtime starts, e.g. one a
     * runtime killed mid-incident applied: lifted by {@link Mitigation#name} when the incident
     * recovers. Mitigations applied through {@link IncidentRuntime#mitigate} are known anyway.
     */
    public Builder liftable(Mitigation mitigation) {
      liftable.add(Require.nonNull(mitigation, "mitigation"));
      return this;
    }

    /**
     * The alert states (the alert runtime's store): an incident whose alert resolved while no
     * runtime heard it is recovered at the next {@link IncidentRuntime#tick}. None by default.
     */
    public Builder alertStates(AlertStateStore value) {
      this.alertStates = Require.nonNull(value, "alertStates");
      return this;
    }

    public IncidentRuntime build() {
      return new IncidentRuntime(this);
    }
  }
}
