package app.omniy.runtime.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * severity from its {@link AlertIncidentPolicy}) unless one is already open for that alert; the
 * alert's {@code RESOLVED} event marks it recovered, lifts its mitigations and, when its policy
 * says so, adds its {@code [occurred, recovered)} period to the downtime store. Responding and
 * resolving are the operator's calls. Each missed target (INC-2) is notified once, and a Sev1
 * unresolved 30 minutes after detection is escalated once to every channel and the escalation
 * contact (INC-1).
 *
 * <p>Which alert opened which incident, the mitigations in force and what was already notified live
 * in this runtime's memory; the incidents themselves live in the store. Thread-safe: every method
 * is synchronized.
 */
public final class IncidentRuntime {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

  private final Clock clock;
  private final IncidentStore store;
  private final @Nullable DowntimeStore downtime;
  private final @Nullable NotificationDispatcher notifications;
  private final Map<String, AlertIncidentPolicy> policies;
  private final ZoneId zone;
  private final RcaDocument.Language language;
  private final Map<AlertKey, String> openByAlert = new HashMap<>();
  private final Map<String, Boolean> countsAsDowntime = new HashMap<>();
  private final Map<String, List<Mitigation>> mitigations = new HashMap<>();
  private final Set<String> notified = new HashSet<>();
  private final Set<String> opened = new LinkedHashSet<>();

  private IncidentRuntime(Builder b) {
    this.clock = b.clock;
    this.store = b.store;
    this.downtime = b.downtime;
    this.notifications = b.notifications;
    this.policies = Map.copyOf(b.policies);
    this.zone = b.zone;
    this.language = b.language;
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
      String open = openByAlert.get(event.key());
      if (event.kind() == AlertEvent.Kind.FIRED && open == null) {
        AlertIncidentPolicy policy =
            policies.getOrDefault(event.rule().id(), AlertIncidentPolicy.FALLBACK);
        IncidentEvent opening =
            openIncident(
                event.rule().id() + " " + event.rule().name(),
                policy.severity(),
                policy.affects(),
                policy.downtime(),
                event.firingSince(),
                event.at(),
                "from " + event.summary());
        openByAlert.put(event.key(), opening.incident().id());
        happened.add(opening);
      } else if (event.kind() == AlertEvent.Kind.RESOLVED && open != null) {
        openByAlert.remove(event.key());
        Incident incident = current(open);
        if (incident.at(Milestone.RECOVERED).isEmpty()) {
          happened.addAll(recover(open, event.at(), "alert " + event.key() + " resolved"));
        }
      }
    }
    return happened;
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
    return openIncident(title, severity, affects, downtime, occurred, clock.instant(), "by hand");
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
    mitigations.computeIfAbsent(id, k -> new ArrayList<>()).add(mitigation);
    if (incident.at(Milestone.MITIGATED).isEmpty()) {
      happened.addAll(
          reach(
              incident, Milestone.MITIGATED, now, IncidentEvent.Kind.MITIGATED, mitigation.name()));
    }
    return happened;
  }

  /** Records service back now, by hand; see {@link #onAlerts} for the automatic way. */
  public synchronized List<IncidentEvent> recover(String id) {
    return recover(id, clock.instant(), "by hand");
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
      happened.addAll(recover(id, now, "resolved"));
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
    for (Incident incident : store.unresolved()) {
      happened.addAll(check(incident, now));
    }
    return happened;
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

  private IncidentEvent openIncident(
      String title,
      IncidentSeverity severity,
      SlaTarget affects,
      boolean countsDown,
      Instant occurred,
      Instant detected,
      String detail) {
    Incident incident =
        Incident.open(newId(detected), title, severity, affects, occurred, detected);
    store.save(incident);
    opened.add(incident.id());
    countsAsDowntime.put(incident.id(), countsDown);
    return new IncidentEvent(IncidentEvent.Kind.OPENED, incident, detected, detail);
  }

  private List<IncidentEvent> recover(String id, Instant at, String detail) {
    Incident incident = current(id);
    if (incident.at(Milestone.RECOVERED).isPresent()) {
      return List.of();
    }
    List<IncidentEvent> happened =
        new ArrayList<>(
            reach(incident, Milestone.RECOVERED, at, IncidentEvent.Kind.RECOVERED, detail));
    Incident recovered = current(id);
    for (Mitigation mitigation : mitigations.getOrDefault(id, List.of())) {
      mitigation.lift(recovered);
    }
    mitigations.remove(id);
    if (downtime != null && countsAsDowntime.getOrDefault(id, false)) {
      recovered.downtime().ifPresent(downtime::add);
    }
    return happened;
  }

  private List<IncidentEvent> reach(
      Incident incident, Milestone milestone, Instant at, IncidentEvent.Kind kind, String detail) {
    Incident next = incident.reach(milestone, at);
    store.save(next);
    List<IncidentEvent> happened = new ArrayList<>();
    happened.add(new IncidentEvent(kind, next, at, detail));
    happened.addAll(check(next, at));
    return happened;
  }

  private List<IncidentEvent> check(Incident incident, Instant now) {
    List<IncidentEvent> happened = new ArrayList<>();
    List<AlertEvent> notices = new ArrayList<>();
    for (Breach breach : incident.breaches(now)) {
      if (notified.add(incident.id() + "/" + breach.milestone())) {
        happened.add(
            new IncidentEvent(
                IncidentEvent.Kind.BREACHED,
                incident,
                now,
                breach.milestone().name().toLowerCase(java.util.Locale.ROOT)
                    + " due "
                    + breach.due()
                    + breach.reachedAt().map(r -> ", reached " + r).orElse(", not reached")));
        notices.add(IncidentNotices.breach(incident, breach.milestone(), breach.due(), now));
      }
    }
    if (incident.needsOutsideExperts(now) && notified.add(incident.id() + "/escalated")) {
      happened.add(
          new IncidentEvent(
              IncidentEvent.Kind.ESCALATED,
              incident,
              now,
              "unresolved 30 min after detection: outside experts called"));
      notices.add(IncidentNotices.escalation(incident, now));
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

    public IncidentRuntime build() {
      return new IncidentRuntime(this);
    }
  }
}
