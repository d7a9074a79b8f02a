package app.omniy.ops.spi;

/**
 * Where the maintenance jobs' reports go (MNT-1 06:00 performance report, MNT-2 monthly report):
 * each report is written twice, as Markdown for people and JSON for machines, under names such as
 * {@code performance-2026-04-17.md}. A directory ({@code DirectoryReportSink}) is built in; a host
 * may post them to chat, a bucket or a wiki instead.
 */
@FunctionalInterface
public interface ReportSink {
  /**
   * Writes {@code content} as {@code name}, replacing a report of that name (a rerun of the same
   * day writes the same names).
   *
   * @param name letters, digits, {@code .}, {@code _} and {@code -}, e.g. {@code
   *     operations-2026-03.json}
   * @param content the report's text
   * @throws app.omniy.core.OmniyException or any unchecked exception when it cannot be written; the
   *     job's run fails and alerts (MNT-3)
   */
  void write(String name, String content);
}
