/**
 * Backups of Omniy's Firestore data (BAK-1, BAK-3): a logical export to NDJSON files with a
 * manifest, written to a {@link app.omniy.core.backup.spi.BackupTarget} (a local directory or a
 * Cloud Storage bucket) and verified after writing; restore into another database or project with a
 * field-by-field comparison; retention; and the managed export request for production.
 */
@NullMarked
package app.omniy.firestore.backup;

import org.jspecify.annotations.NullMarked;
