/**
 * The maintenance scheduler (MNT-1 … MNT-3): the calendar's jobs at their instants in the home
 * zone, one run per occurrence across runtimes under a job lease, run history and run meters.
 */
@NullMarked
package app.omniy.runtime.maintenance;

import org.jspecify.annotations.NullMarked;
