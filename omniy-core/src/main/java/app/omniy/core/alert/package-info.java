/**
 * Alert rules and their evaluation (ALERT-1 … ALERT-6): a rule model with the guide's default set,
 * an evaluator fed with timestamped samples into fixed-size time buckets, and the state machine
 * inactive → pending → firing → resolved with de-duplication, repeats, acknowledgement and
 * escalation. The evaluator returns events; sending them is the runtime's job.
 */
@NullMarked
package app.omniy.core.alert;

import org.jspecify.annotations.NullMarked;
