/**
 * Notifiers for the guide's channels (ALERT-3): Slack, Twilio SMS, SMTP e-mail and a generic
 * webhook, each an {@link app.omniy.core.alert.spi.Notifier}.
 */
@NullMarked
package app.omniy.notify;

import org.jspecify.annotations.NullMarked;
