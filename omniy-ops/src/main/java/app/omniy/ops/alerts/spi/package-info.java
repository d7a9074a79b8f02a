/** What a notification channel implements: one {@link app.omniy.ops.alerts.spi.Notifier} each. */
@NullMarked
package app.omniy.ops.alerts.spi;

import org.jspecify.annotations.NullMarked;
