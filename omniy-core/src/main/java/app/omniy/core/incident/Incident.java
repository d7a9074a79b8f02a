package app.omniy.core.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An incident and its timeline (INC-1, INC-2). Immutable: {@link #reach} returns the incident with
 * one more milestone. Targets count from {@link Milestone#DETECTED}: nobody can respond to a fault
 * before it is known, and the guide's response times are what the operator controls.
 *
 * @param id the incident's id
 * @param title what happened, in a line
 * @param severity its severity
 * @param affects what the SLA counts it against: the whole system or the core API
 * @param timeline when each milestone was reached; {@link Milestone#OCCURRED} and {@link
 *     Milestone#DETECTED} always present
 * @param sourceAlert the alert that opened it ({@code AlertKey} in words, e.g. {@code ALERT-C1});
 *     null for an incident opened by hand
 * @param countsAsDowntime whether its {@link #downtime} goes to the SLA ledger (INC-2)
 * @param signalStart when its cause went bad: the start of the first bad evaluation interval of the
 *     alert that opened it; null when unknown
 * @param signalEnd when its cause went good again: the start of the first good evaluation interval
 *     after the last bad one; null until known
 * @param mitigations the mitigations in force (INC-4), by name, in the order applied; emptied when
 *     they are lifted on recovery
 * @param updates its history, oldest first
 */
public record Incident(
    String id,
    String title,
    IncidentSeverity severity,
    SlaTarget affects,
    Map<Milestone, Instant> timeline,
    @Nullable String sourceAlert,
    boolean countsAsDowntime,
    @Nullable Instant signalStart,
    @Nullable Instant signalEnd,
    List<String> mitigations,
    List<IncidentUpdate> updates) {

  /** Oldest detection first, then by id: the order in which stores list incidents. */
  public static final Comparator<Incident> BY_DETECTION =
      Comparator.comparing((Incident i) -> i.timeline.get(Milestone.DETECTED))
          .thenComparing(Incident::id);

  /**
   * @throws InvalidValueException naming the field that is missing, or a milestone earlier than the
   *     one before it
   */
  public Incident {
    requireText(id, "id");
    requireText(title, "title");
    Require.nonNull(severity, "severity");
    Require.nonNull(affects, "affects");
    Require.nonNull(timeline, "timeline");
    EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
    copy.putAll(timeline);
    for (Milestone required : List.of(Milestone.OCCURRED, Milestone.DETECTED)) {
      if (copy.get(required) == null) {
        throw new InvalidValueException(
            "timeline." + required.name().toLowerCase(java.util.Locale.ROOT), null, "is required");
      }
    }
    Instant previous = Instant.MIN;
    Milestone previousMilestone = null;
    for (Map.Entry<Milestone, Instant> entry : copy.entrySet()) {
      if (entry.getValue().isBefore(previous)) {
        throw new InvalidValueException(
            "timeline." + entry.getKey().name().toLowerCase(java.util.Locale.ROOT),
            entry.getValue(),
            "must not be before " + previousMilestone + " (" + previous + ")");
      }
      previous = entry.getValue();
      previousMilestone = entry.getKey();
    }
    timeline = Collections.unmodifiableMap(copy);
    if (sourceAlert != null && sourceAlert.isBlank()) {
      throw new InvalidValueException("sourceAlert", sourceAlert, "must not be blank");
    }
    if (signalStart != null && signalEnd != null && signalEnd.isBefore(signalStart)) {
      throw new InvalidValueException(
          "signalEnd", signalEnd, "must not be before signalStart (" + signalStart + ")");
    }
    mitigations = List.copyOf(Require.nonNull(mitigations, "mitigations"));
    updates = List.copyOf(Require.nonNull(updates, "updates"));
  }

  /** An incident opened by hand, with no history beyond its timeline. */
  public Incident(
      String id,
      String title,
      IncidentSeverity severity,
      SlaTarget affects,
      Map<Milestone, Instant> timeline) {
    this(id, title, severity, affects, timeline, null, false, null, null, List.of(), List.of());
  }

  /** A new incident that occurred at {@code occurred} and was detected at {@code detected}. */
  public static Incident open(
      String id,
      String title,
      IncidentSeverity severity,
      SlaTarget affects,
      Instant occurred,
      Instant detected) {
    Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
    timeline.put(Milestone.OCCURRED, occurred);
    timeline.put(Milestone.DETECTED, detected);
    return new Incident(id, title, severity, affects, timeline);
  }

  /** The incident with {@code milestone} reached at {@code at}. */
  public Incident reach(Milestone milestone, Instant at) {
    Require.nonNull(milestone, "milestone");
    Require.nonNull(at, "at");
    Map<Milestone, Instant> next = new EnumMap<>(timeline);
    next.put(milestone, at);
    return new Incident(
        id,
        title,
        severity,
        affects,
        next,
        sourceAlert,
        countsAsDowntime,
        signalStart,
        signalEnd,
        mitigations,
        updates);
  }

  /**
   * This incident as opened from {@code alert}: whether it counts as downtime, and when its signal
   * went bad (null when unknown).
   */
  public Incident fromAlert(String alert, boolean countsAsDowntime, @Nullable Instant signalStart) {
    requireText(alert, "sourceAlert");
    return new Incident(
        id,
        title,
        severity,
        affects,
        timeline,
        alert,
        countsAsDowntime,
        signalStart,
        signalEnd,
        mitigations,
        updates);
  }

  /** This incident counting, or not, as downtime (INC-2). */
  public Incident countingAsDowntime(boolean counts) {
    return new Incident(
        id,
        title,
        severity,
        affects,
        timeline,
        sourceAlert,
        counts,
        signalStart,
        signalEnd,
        mitigations,
        updates);
  }

  /** This incident with its signal's end known. */
  public Incident withSignalEnd(Instant end) {
    Require.nonNull(end, "signalEnd");
    return new Incident(
        id,
        title,
        severity,
        affects,
        timeline,
        sourceAlert,
        countsAsDowntime,
        signalStart,
        end,
        mitigations,
        updates);
  }

  /** This incident with {@code names} as the mitigations in force. */
  public Incident withMitigations(List<String> names) {
    return new Incident(
        id,
        title,
        severity,
        affects,
        timeline,
        sourceAlert,
        countsAsDowntime,
        signalStart,
        signalEnd,
        names,
        updates);
  }

  /** This incident with {@code update} added to its history. */
  public Incident withUpdate(IncidentUpdate update) {
    Require.nonNull(update, "update");
    List<IncidentUpdate> next = new ArrayList<>(updates);
    next.add(update);
    return new Incident(
        id,
        title,
        severity,
        affects,
        timeline,
        sourceAlert,
        countsAsDowntime,
        signalStart,
        signalEnd,
        mitigations,
        next);
  }

  /** Whether its history holds an update of {@code kind} about {@code milestone}. */
  public boolean has(IncidentUpdate.Kind kind, @Nullable Milestone milestone) {
    return updates.stream()
        .anyMatch(u -> u.kind() == kind && java.util.Objects.equals(u.milestone(), milestone));
  }

  /** When {@code milestone} was reached, if it was. */
  public Optional<Instant> at(Milestone milestone) {
    return Optional.ofNullable(timeline.get(milestone));
  }

  /** Whether the incident is resolved. */
  public boolean isResolved() {
    return timeline.containsKey(Milestone.RESOLVED);
  }

  /**
   * Whether it was open at some moment of {@code [from, to)}: detected before {@code to}, and not
   * resolved before {@code from}.
   */
  public boolean wasOpenDuring(Instant from, Instant to) {
    Instant resolved = timeline.get(Milestone.RESOLVED);
    return timeline.get(Milestone.DETECTED).isBefore(to)
        && (resolved == null || !resolved.isBefore(from));
  }

  /** When {@code milestone} is due: detection plus the severity's target. */
  public Instant due(Milestone milestone) {
    return timeline.get(Milestone.DETECTED).plus(severity.target(milestone));
  }

  /**
   * The targets missed as of {@code now}: a milestone reached after its due time, or not reached
   * while {@code now} is past it. Reaching a milestone exactly at its due time is on time.
   */
  public List<Breach> breaches(Instant now) {
    List<Breach> breaches = new ArrayList<>();
    for (Milestone milestone : Milestone.WITH_TARGETS) {
      Instant due = due(milestone);
      Instant reached = timeline.get(milestone);
      if (reached != null ? reached.isAfter(due) : now.isAfter(due)) {
        breaches.add(new Breach(milestone, due, reached));
      }
    }
    return List.copyOf(breaches);
  }

  /**
   * Whether a Sev1 must go to outside experts at {@code now}: unresolved more than 30 minutes after
   * detection (INC-1).
   */
  public boolean needsOutsideExperts(Instant now) {
    if (severity != IncidentSeverity.SEV1) {
      return false;
    }
    Instant limit = timeline.get(Milestone.DETECTED).plus(IncidentSeverity.SEV1_ESCALATION);
    Instant resolved = timeline.get(Milestone.RESOLVED);
    return resolved != null ? resolved.isAfter(limit) : now.isAfter(limit);
  }

  /**
   * The downtime this incident feeds to the SLA ledger (INC-2): from its signal's start (else its
   * occurrence) to its signal's end (else its recovery), measured from the signal, not from the
   * alert's firing and resolve; empty until it has recovered, or when the period is under a second.
   */
  public Optional<DowntimePeriod> downtime() {
    Instant recovered = timeline.get(Milestone.RECOVERED);
    if (recovered == null) {
      return Optional.empty();
    }
    Instant from = signalStart != null ? signalStart : timeline.get(Milestone.OCCURRED);
    Instant to = signalEnd != null ? signalEnd : recovered;
    if (Duration.between(from, to).getSeconds() < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new DowntimePeriod(from, to, DowntimeCause.INCIDENT, affects, id + ": " + title));
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "must not be blank");
    }
  }
}
