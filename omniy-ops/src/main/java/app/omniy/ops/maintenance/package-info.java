/**
 * The built-in maintenance tasks of the operations side (MNT-1, MNT-2): the daily security scan and
 * performance report, the weekly system, security and capacity reviews, and the monthly operations
 * report, each a {@link app.omniy.core.maintenance.spi.BuiltInTask} that the runtime's maintenance
 * scheduler runs at its JST time. The backup, restore-test and clean-up tasks are in omniy-backup
 * ({@code app.omniy.backup}).
 */
@NullMarked
package app.omniy.ops.maintenance;

import org.jspecify.annotations.NullMarked;
