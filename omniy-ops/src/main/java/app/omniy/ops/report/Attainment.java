package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;

/**
 * One objective of the monthly report with what was measured (SLA-8, SUP-3, KPI-1).
 *
 * @param id a stable key, such as {@code availability.system} or {@code cost.infrastructure}
 * @param label what people read, such as "Uptime (system)"
 * @param objective the objective as people read it, such as "≥ 99.9%"
 * @param measured the measured value as people read it, truncated, or "no data"
 * @param result met, missed, or no data
 */
public record Attainment(
    String id, String label, String objective, String measured, Result result) {

  /** Whether an objective was met. */
  public enum Result {
    /** The measured value meets the objective (a value exactly at it meets it). */
    MET,
    /** It does not. */
    MISSED,
    /** Nothing was measured: nothing to miss. */
    NO_DATA
  }

  /**
   * @throws InvalidValueException if a value is missing
   */
  public Attainment {
    for (var field : new String[][] {{"id", id}, {"label", label}, {"objective", objective}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new InvalidValueException(field[0], field[1], "must not be blank");
      }
    }
    Require.nonNull(measured, "measured");
    Require.nonNull(result, "result");
  }

  static Attainment of(String id, String label, String objective, String measured, boolean met) {
    return new Attainment(id, label, objective, measured, met ? Result.MET : Result.MISSED);
  }

  static Attainment noData(String id, String label, String objective) {
    return new Attainment(id, label, objective, "no data", Result.NO_DATA);
  }
}
