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
 */
public record Incident(
    String id,
    String title,
    IncidentSeverity severity,
    SlaTarget affects,
    Map<Milestone, Instant> timeline) {

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
    return new Incident(id, title, severity, affects, next);
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
   * The downtime this incident feeds to the SLA ledger (INC-2): from occurrence to recovery; empty
   * until it has recovered, or when it recovered within the same second.
   */
  public Optional<DowntimePeriod> downtime() {
    Instant recovered = timeline.get(Milestone.RECOVERED);
    Instant occurred = timeline.get(Milestone.OCCURRED);
    if (recovered == null || Duration.between(occurred, recovered).getSeconds() < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new DowntimePeriod(
            occurred, recovered, DowntimeCause.INCIDENT, affects, id + ": " + title));
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "must not be blank");
    }
  }
}
