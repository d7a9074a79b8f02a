package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The downtime file (SLA-2): an optional {@code zone:} and a list of {@code periods:}, each {@code
 * {start, end, cause, target?, note?}}.
 *
 * <pre>{@code
 * zone: Asia/Tokyo
 * periods:
 *   - start: 2026-04-10T10:00:00+09:00
 *     end: 2026-04-10T10:50:00+09:00
 *     cause: incident
 *     note: database failover
 *   - start: 2026-04-12T02:00:00Z
 *     end: 2026-04-12T04:00:00Z
 *     cause: planned-maintenance
 *     target: core-api
 * }</pre>
 *
 * <p>Read strictly: unknown keys, a time without an offset, an end not after its start, an unknown
 * cause or target and an unknown zone reject the whole file with its line and field. The file is
 * bounded as {@link ConfigFiles} bounds YAML (3 MiB, UTF-8, lines of at most 16 KiB), and a time
 * must lie within the years −10000 to 10000.
 *
 * @param zone the zone months are measured in, or {@code null} for the default (Asia/Tokyo)
 * @param periods the periods, in any order
 */
public record DowntimeFile(@Nullable String zone, List<Entry> periods) {
  // Optional keys must be allowed to be absent; everything else stays as strict as ConfigFiles.
  private static final ObjectMapper YAML =
      ConfigFiles.yamlMapper()
          .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

  /**
   * @throws InvalidValueException naming {@code zone} or {@code periods} when invalid
   */
  public DowntimeFile {
    if (zone != null) {
      parseZone(zone);
    }
    if (periods == null) {
      throw new InvalidValueException("periods", null, "is required (use [] for none)");
    }
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i) == null) {
        throw new InvalidValueException("periods[" + i + "]", null, "is required");
      }
    }
    periods = List.copyOf(periods);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static DowntimeFile read(Path file) {
    return ConfigFiles.read(YAML, file, DowntimeFile.class);
  }

  /**
   * Parses and validates {@code content} as if read from {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static DowntimeFile parse(Path file, byte[] content) {
    return ConfigFiles.parse(YAML, file, content, DowntimeFile.class);
  }

  /** The file's zone, if it names one. */
  public Optional<ZoneId> zoneId() {
    return zone == null ? Optional.empty() : Optional.of(parseZone(zone));
  }

  /** The periods as values of the core. */
  public List<DowntimePeriod> downtimePeriods() {
    return periods.stream().map(Entry::period).toList();
  }

  /** A ledger of the file's periods. */
  public DowntimeLedger ledger() {
    return DowntimeLedger.of(downtimePeriods());
  }

  /**
   * Parses {@code zone}, an IANA region such as {@code Asia/Tokyo} or an offset such as {@code
   * +09:00}.
   *
   * @throws InvalidValueException naming {@code zone} when it is not a zone
   */
  public static ZoneId parseZone(String zone) {
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidValueException("zone", zone, "is not a time zone such as Asia/Tokyo");
    }
  }

  /**
   * One period as written in the file.
   *
   * @param start an ISO-8601 time with an offset: {@code 2026-04-10T10:00:00+09:00} or {@code …Z}
   * @param end the same, after {@code start}
   * @param cause {@code incident}, {@code planned-maintenance}, {@code ddos} or {@code probe}
   * @param target {@code system} (when absent) or {@code core-api}
   * @param note free text, or absent
   */
  public record Entry(
      String start, String end, String cause, @Nullable String target, @Nullable String note) {

    /**
     * @throws InvalidValueException naming the first field that is missing or invalid
     */
    public Entry {
      period(start, end, cause, target, note);
    }

    /** The entry as a core value. */
    public DowntimePeriod period() {
      return period(start, end, cause, target, note);
    }

    private static DowntimePeriod period(
        @Nullable String start,
        @Nullable String end,
        @Nullable String cause,
        @Nullable String target,
        @Nullable String note) {
      Instant from = time("start", start);
      Instant to = time("end", end);
      if (!to.isAfter(from)) {
        throw new InvalidValueException("end", end, "must be after start " + start);
      }
      DowntimeCause parsedCause = DowntimeCause.of(cause);
      SlaTarget parsedTarget = target == null ? SlaTarget.SYSTEM : SlaTarget.of(target);
      return new DowntimePeriod(from, to, parsedCause, parsedTarget, note == null ? "" : note);
    }

    private static Instant time(String field, @Nullable String text) {
      if (text == null || text.isBlank()) {
        throw new InvalidValueException(field, null, "is required");
      }
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeException e) {
        throw new InvalidValueException(
            field, text, "must be a time with an offset, such as 2026-04-10T10:00:00+09:00 or …Z");
      }
    }
  }
}
