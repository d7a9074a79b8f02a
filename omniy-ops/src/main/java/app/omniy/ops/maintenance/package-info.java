/**
 * The maintenance scheduler (MNT-1 … MNT-3, BAK-3): runs the tasks the host registers for the
 * guide's daily, weekly and monthly jobs at their JST times, once per occurrence across runtimes
 * sharing a lease store, keeps the run history, and counts failed and missed runs under {@code
 * omniy.maintenance.runs}, which the MNT-3 alert rule reads.
 */
@NullMarked
package app.omniy.ops.maintenance;

import org.jspecify.annotations.NullMarked;
