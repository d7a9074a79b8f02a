package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a service was down or unavailable (SLA-2, SLA-5). */
public enum DowntimeCause {
  /** An outage on our side: counts as downtime. */
  INCIDENT("incident"),
  /** Announced maintenance: excluded, neither down nor removed from the month (SLA-2). */
  PLANNED_MAINTENANCE("planned-maintenance"),
  /** A DDoS attack: excluded like planned maintenance (SLA-2). */
  DDOS("ddos"),
  /** Downtime derived from failed external probes (SLA-5): counts as downtime. */
  PROBE("probe");

  private final String id;

  DowntimeCause(String id) {
    this.id = id;
  }

  /** The name used in files and reports, such as {@code planned-maintenance}. */
  public String id() {
    return id;
  }

  /**
   * Whether time with this cause is excluded from the availability (SLA-2): planned maintenance and
   * DDoS attacks are not downtime, and where they overlap downtime the overlap is not downtime
   * either.
   */
  public boolean excluded() {
    return this == PLANNED_MAINTENANCE || this == DDOS;
  }

  /**
   * The cause named {@code id} ({@code incident}, {@code planned-maintenance}, {@code ddos}, {@code
   * probe}), case-insensitively.
   *
   * @throws InvalidValueException naming {@code cause} for any other name
   */
  public static DowntimeCause of(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException("cause", id, "is required");
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (DowntimeCause cause : values()) {
      if (cause.id.equals(wanted)) {
        return cause;
      }
    }
    throw new InvalidValueException("cause", id, "is not one of " + ids());
  }

  private static String ids() {
    return Arrays.stream(values()).map(DowntimeCause::id).collect(Collectors.joining(", "));
  }
}
