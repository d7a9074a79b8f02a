/**
 * The reports that write themselves (MNT-1, MNT-2, KPI-1): the daily performance report and the
 * monthly operations report, as plain records the host or a job fills, rendered as Markdown for
 * people and JSON for machines. Every percentage is exact and shown truncated, never rounded up.
 */
@NullMarked
package app.omniy.ops.report;

import org.jspecify.annotations.NullMarked;
