/**
 * What the maintenance scheduler runs and where it keeps its state (MNT-1 … MNT-3): the {@link
 * app.omniy.core.maintenance.spi.MaintenanceTask} a host (or a built-in module) registers for a
 * job, the {@link app.omniy.core.maintenance.spi.JobLeaseStore} that lets exactly one of several
 * runtimes run each occurrence, and the {@link app.omniy.core.maintenance.spi.JobRunStore} that
 * keeps the run history.
 */
@NullMarked
package app.omniy.core.maintenance.spi;

import org.jspecify.annotations.NullMarked;
