/**
 * The backup rules of the operations guide (BAK-1, BAK-3) as pure functions: how a backup is named
 * after the time it was taken, which backups retention deletes, and the exception a failed
 * verification throws. What a backup is written to is the SPI {@link
 * app.omniy.core.backup.spi.BackupTarget}.
 */
@NullMarked
package app.omniy.core.backup;

import org.jspecify.annotations.NullMarked;
