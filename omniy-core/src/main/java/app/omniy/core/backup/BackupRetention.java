package app.omniy.core.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which backups retention deletes (BAK-1: kept 30 days, then deleted). A rule of its inputs: the
 * ids present and the time now; it never deletes the newest backup, so a run of failed nightly
 * backups can never leave nothing to restore from (BAK-2: RPO 24 h assumes one exists).
 *
 * @param keep how long a backup is kept; older ones are deleted
 */
public record BackupRetention(Duration keep) {
  /** The guide's retention: 30 days (BAK-1). */
  public static final BackupRetention GUIDE = new BackupRetention(Duration.ofDays(30));

  /**
   * @throws InvalidValueException unless {@code keep} is positive
   */
  public BackupRetention {
    if (keep == null || keep.isNegative() || keep.isZero()) {
      throw new InvalidValueException("keep", keep, "must be positive");
    }
  }

  /**
   * The ids among {@code backupIds} to delete at {@code now}, oldest first: those taken more than
   * {@link #keep()} before {@code now}, except the newest backup. Ids that {@link BackupIds} did
   * not make are never deleted (they are not Omniy's).
   */
  public List<String> expired(Collection<String> backupIds, Instant now) {
    Require.nonNull(backupIds, "backupIds");
    Require.nonNull(now, "now");
    TreeMap<Instant, String> byTime = new TreeMap<>();
    for (String id : backupIds) {
      BackupIds.takenAt(id).ifPresent(at -> byTime.put(at, id));
    }
    if (byTime.isEmpty()) {
      return List.of();
    }
    Instant newest = byTime.lastKey();
    Instant cutoff = now.minus(keep);
    List<String> expired = new ArrayList<>();
    for (Map.Entry<Instant, String> backup : byTime.entrySet()) {
      if (backup.getKey().isBefore(cutoff) && !backup.getKey().equals(newest)) {
        expired.add(backup.getValue());
      }
    }
    expired.sort(Comparator.naturalOrder());
    return List.copyOf(expired);
  }
}
