package app.omniy.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup file names: {@code <item>@<UTC instant to the nanosecond>-<sequence>.obak}, e.g. {@code
 * alerts.yaml@20260302T090000.000000000Z-0.obak}. Listing reads names only, never content; the
 * authenticated header repeats them, so a renamed file is caught when it is restored.
 */
final class BackupNames {
  /** Item names: a letter or digit, then letters, digits, '.', '_' or '-', at most 100. */
  static final Pattern ITEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** Key ids: the same characters, at most 64. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The suffix of every backup file. */
  static final String SUFFIX = ".obak";

  private static final Pattern FILE =
      Pattern.compile("(" + ITEM + ")@(\\d{8}T\\d{6}\\.\\d{9}Z)-(\\d{1,9})\\.obak");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'");

  private BackupNames() {}

  /** A parsed file name. */
  record Parsed(String item, Instant createdAt, int sequence) {}

  /** The file name of a backup. */
  static String fileName(String item, Instant createdAt, int sequence) {
    return item + "@" + STAMP.format(createdAt.atOffset(ZoneOffset.UTC)) + "-" + sequence + SUFFIX;
  }

  /** The parts of a backup file's name; empty when it is not one. */
  static Optional<Parsed> parse(Path file) {
    Matcher m = FILE.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant created = LocalDateTime.parse(m.group(2), STAMP).toInstant(ZoneOffset.UTC);
      return Optional.of(new Parsed(m.group(1), created, Integer.parseInt(m.group(3))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
