/**
 * Backups of Omniy's Firestore data (BAK-1, BAK-3): a logical export to NDJSON files with a
 * manifest, written to any {@link app.omniy.core.backup.spi.BackupTarget} (omniy-backup has a local
 * directory and a Cloud Storage bucket) and verified after writing; restore into another database
 * or project with a field-by-field comparison; retention; and the managed export request for
 * production. {@link app.omniy.firestore.backup.FirestoreStoreBackup} is the Firestore store's
 * {@link app.omniy.core.backup.spi.StoreBackup}, which omniy-backup's backup tasks drive.
 */
@NullMarked
package app.omniy.firestore.backup;

import org.jspecify.annotations.NullMarked;
