package app.omniy.core.incident;

import java.time.Duration;

/**
 * Incident severities and their targets (INC-1): initial response, recovery, full resolution. A
 * Sev1 not resolved within 30 minutes is escalated to outside experts.
 */
public enum IncidentSeverity {
  /**
   * Whole service down, payment failure, data loss or leak, security breach: 15 min / 1 h / 4 h.
   */
  SEV1(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)),
  /** Core function partly down, heavy slowdown, mass post failure: 30 min / 4 h / 24 h. */
  SEV2(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofHours(24)),
  /** Minor fault, some users, a UI issue: 2 h / 8 h / 72 h. */
  SEV3(Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(72));

  /** How long a Sev1 may stay unresolved before outside experts are called (INC-1). */
  public static final Duration SEV1_ESCALATION = Duration.ofMinutes(30);

  private final Duration initialResponse;
  private final Duration recovery;
  private final Duration resolution;

  IncidentSeverity(Duration initialResponse, Duration recovery, Duration resolution) {
    this.initialResponse = initialResponse;
    this.recovery = recovery;
    this.resolution = resolution;
  }

  /** The target for {@code milestone}, counted from detection. */
  public Duration target(Milestone milestone) {
    return switch (milestone) {
      case RESPONDED -> initialResponse;
      case RECOVERED -> recovery;
      case RESOLVED -> resolution;
      default -> throw new IllegalArgumentException(milestone + " has no target");
    };
  }

  /** 1, 2 or 3, as the guide writes it. */
  public int level() {
    return ordinal() + 1;
  }
}
