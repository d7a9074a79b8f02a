/**
 * The guide's maintenance calendar (MNT-1 … MNT-3): when each daily, weekly and monthly job is due
 * in JST, whatever the host's zone, and whether a run was missed.
 */
@NullMarked
package app.omniy.core.maintenance;

import org.jspecify.annotations.NullMarked;
