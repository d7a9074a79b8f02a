package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.sla.ExactRatio;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's infrastructure section (KPI-2): resource use against the guide's warning levels
 * (CPU above 80%, ALERT-W2; storage above 85%, ALERT-W3) and the month's cost.
 *
 * @param cpu CPU use, 0 to 1
 * @param memory memory use, 0 to 1
 * @param storage storage use, 0 to 1
 * @param instances instances running
 * @param monthlyCost the month's infrastructure cost so far, or {@code null} when not known
 */
public record InfrastructureFigures(
    ExactRatio cpu,
    ExactRatio memory,
    ExactRatio storage,
    int instances,
    @Nullable Money monthlyCost) {
  /**
   * @throws InvalidValueException if a share is missing or above 1, or the instances negative
   */
  public InfrastructureFigures {
    requireShare("cpu", cpu);
    requireShare("memory", memory);
    requireShare("storage", storage);
    if (instances < 0) {
      throw new InvalidValueException("instances", instances, "must not be negative");
    }
  }

  private static void requireShare(String field, ExactRatio share) {
    if (share == null || share.compareTo(ExactRatio.of(1, 1)) > 0) {
      throw new InvalidValueException(field, share, "must be between 0 and 100%");
    }
  }
}
