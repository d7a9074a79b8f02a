/**
 * The alert evaluator (ALERT-1 … ALERT-3): {@link app.omniy.core.alert.evaluator.AlertEvaluator}
 * feeds timestamped samples into fixed-size time buckets per rule and label set, runs the state
 * machine inactive → pending → firing → resolved, and keeps alert state through the {@link
 * app.omniy.core.alert.spi.AlertStateStore}. It sits above the rule model ({@code
 * app.omniy.core.alert}) and the SPI ({@code app.omniy.core.alert.spi}); its windows and
 * transitions are package-private.
 */
@NullMarked
package app.omniy.core.alert.evaluator;

import org.jspecify.annotations.NullMarked;
