/**
 * The alert engine at run time (ALERT-1 … ALERT-6): samples read from the meter registry, the
 * core's evaluator run on a schedule, and its events delivered through the notifiers with retries.
 */
@NullMarked
package app.omniy.runtime.alert;

import org.jspecify.annotations.NullMarked;
