package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a downtime period affects and what availability is measured for (SLA-1): the whole system
 * (99.9% per month) and the core API (99.95%).
 */
public enum SlaTarget {
  /** The whole service; its availability decides the credit (SLA-6). */
  SYSTEM("system", new BigDecimal("99.9")),
  /** The core API. */
  CORE_API("core-api", new BigDecimal("99.95"));

  private final String id;
  private final BigDecimal objectivePercent;

  SlaTarget(String id, BigDecimal objectivePercent) {
    this.id = id;
    this.objectivePercent = objectivePercent;
  }

  /** The name used in files and reports, such as {@code core-api}. */
  public String id() {
    return id;
  }

  /** The monthly availability objective in percent (SLA-1). */
  public BigDecimal objectivePercent() {
    return objectivePercent;
  }

  /**
   * Whether a period recorded against {@code recorded} counts against this target: a {@code system}
   * period counts against the core API too, a {@code core-api} period only against the core API
   * (SLA-2).
   */
  public boolean isAffectedBy(SlaTarget recorded) {
    return recorded == this || recorded == SYSTEM;
  }

  /**
   * The target named {@code id} ({@code system} or {@code core-api}), case-insensitively.
   *
   * @throws InvalidValueException naming {@code target} for any other name
   */
  public static SlaTarget of(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException("target", id, "is required");
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (SlaTarget target : values()) {
      if (target.id.equals(wanted)) {
        return target;
      }
    }
    throw new InvalidValueException("target", id, "is not one of system, core-api");
  }
}
