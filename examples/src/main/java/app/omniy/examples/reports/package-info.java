/**
 * Embedding the reports, the status page and the support indicators (MNT-1, MNT-2, SUP-1 … SUP-3,
 * KPI-1, KPI-2).
 */
@NullMarked
package app.omniy.examples.reports;

import org.jspecify.annotations.NullMarked;
