/**
 * What storage adapters implement for backups: {@link app.omniy.core.backup.spi.BackupTarget}.
 * Every implementation runs the contract suite {@code
 * app.omniy.testkit.contract.BackupTargetContract} from {@code omniy-testkit} on its real backend
 * (or, for a cloud service, on a fake of its HTTP API).
 */
@NullMarked
package app.omniy.core.backup.spi;

import org.jspecify.annotations.NullMarked;
