/**
 * Omniy's backups beyond the store itself: where a store's backup files go ({@link
 * app.omniy.backup.LocalDirectoryBackupTarget}, {@link app.omniy.backup.CloudStorageBackupTarget},
 * both a {@link app.omniy.core.backup.spi.BackupTarget}; BAK-1), the encrypted configuration backup
 * ({@link app.omniy.backup.ConfigBackup}: every change of the configuration and secrets the host
 * registers, AES-GCM under the host's key, kept six months, tampering detected; BAK-4), and the
 * built-in maintenance tasks that drive them: {@link app.omniy.backup.BackupTask} at 03:00 JST
 * (MNT-1, BAK-1), {@link app.omniy.backup.RestoreTestTask} on the 15th (MNT-2, BAK-3) through the
 * store's {@link app.omniy.core.backup.spi.StoreBackup}, and {@link app.omniy.backup.CleanupTask}
 * at 04:00 JST (MNT-1).
 */
@NullMarked
package app.omniy.backup;

import org.jspecify.annotations.NullMarked;
