package app.omniy.core.incident;

import java.util.List;

/**
 * The points on an incident's timeline (INC-2), in the order they happen. {@link #RESPONDED},
 * {@link #RECOVERED} and {@link #RESOLVED} have targets per {@link IncidentSeverity}.
 */
public enum Milestone {
  /** The fault began (障害発生). */
  OCCURRED,
  /** Someone or something noticed (検知). The targets count from here. */
  DETECTED,
  /** The first response: the operator acknowledged and started work (対応開始). */
  RESPONDED,
  /** A mitigation took effect (緊急回避実施), such as a feature flag or a rollback (INC-4). */
  MITIGATED,
  /** Service is back for users (復旧); downtime ends here. */
  RECOVERED,
  /** The root cause is fixed and confirmed (完全復旧確認). */
  RESOLVED;

  /** The milestones that have a target. */
  public static final List<Milestone> WITH_TARGETS = List.of(RESPONDED, RECOVERED, RESOLVED);
}
