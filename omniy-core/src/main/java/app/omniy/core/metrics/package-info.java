/**
 * The names of the meters Omniy emits and of the standard meters its alert rules read (ALERT-6),
 * defined once so rules, bridges and dashboards agree.
 */
@NullMarked
package app.omniy.core.metrics;

import org.jspecify.annotations.NullMarked;
