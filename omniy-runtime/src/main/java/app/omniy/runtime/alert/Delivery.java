package app.omniy.runtime.alert;

import app.omniy.core.alert.AlertEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one notification on one target.
 *
 * @param event the notification
 * @param target the channel's name ({@code slack}, {@code sms}…) or {@code escalation-contact}
 * @param delivered whether it arrived
 * @param attempts how many attempts were made
 * @param error why it failed, or null
 */
public record Delivery(
    AlertEvent event, String target, boolean delivered, int attempts, @Nullable String error) {}
