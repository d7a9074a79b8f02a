package app.omniy.core.backup;

import app.omniy.core.Require;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Backup ids are the UTC second the backup was taken, {@code yyyyMMdd'T'HHmmss'Z'} (for example
 * {@code 20261128T180000Z}, which is 03:00 JST, BAK-1): they sort in time order as text, and
 * retention reads a backup's age from its id alone, without opening it.
 */
public final class BackupIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");

  private BackupIds() {}

  /** The id of a backup taken at {@code takenAt} (truncated to the second). */
  public static String of(Instant takenAt) {
    Require.nonNull(takenAt, "takenAt");
    return FORMAT.format(takenAt.truncatedTo(ChronoUnit.SECONDS));
  }

  /** When the backup {@code backupId} was taken; empty if the id is not one {@link #of} makes. */
  public static Optional<Instant> takenAt(String backupId) {
    if (backupId == null || !SHAPE.matcher(backupId).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(FORMAT.parse(backupId)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
