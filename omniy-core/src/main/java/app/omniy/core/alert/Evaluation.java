package app.omniy.core.alert;

import app.omniy.core.Require;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluation of a condition found, with the words an operator reads (ALERT-1: too little
 * data says so; no data is never 0%).
 *
 * @param outcome whether the condition holds, and if not, why not
 * @param value the aggregated value when there was one (a share as a ratio); null without data and
 *     for percentiles, which are compared by counting and never computed
 * @param samples how many samples the window held (events, for shares)
 * @param text the finding in words, e.g. {@code 12.5% (25 of 200) > 10%}
 */
public record Evaluation(Outcome outcome, @Nullable BigDecimal value, long samples, String text) {

  /** The four results of an evaluation. */
  public enum Outcome {
    /** Enough data, and the condition holds. */
    HOLDS,
    /** Enough data, and the condition does not hold. */
    CLEAR,
    /** Some data, but fewer samples than the rule's minimum: never fires. */
    TOO_LITTLE_DATA,
    /** No data in the window: never fires, never counts as 0%. */
    NO_DATA
  }

  public Evaluation {
    Require.nonNull(outcome, "outcome");
    Require.atLeast(samples, 0, "samples");
    Require.nonNull(text, "text");
  }

  /** Whether the condition holds. */
  public boolean holds() {
    return outcome == Outcome.HOLDS;
  }
}
