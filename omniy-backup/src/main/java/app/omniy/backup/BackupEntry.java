package app.omniy.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup file, as listed from its name; its content is checked only when it is restored.
 *
 * @param name the registered configuration item, e.g. {@code alerts.yaml} or {@code stripe-key}
 * @param createdAt when the backup was written
 * @param sequence orders backups of one item written at the same instant, from 0
 * @param file the encrypted file
 */
public record BackupEntry(String name, Instant createdAt, int sequence, Path file) {}
