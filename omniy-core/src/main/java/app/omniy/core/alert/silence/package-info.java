/**
 * Silences and inhibition (ALERT-2): which notifications are held or muted, decided from the alert
 * keys alone, above the alert model and below the runtime that sends. A {@link
 * app.omniy.core.alert.silence.Silence} holds the notifications of the alerts it matches for a time
 * (the Alertmanager model); an {@link app.omniy.core.alert.silence.Inhibition} mutes target alerts
 * while a source alert fires; the {@link app.omniy.core.alert.silence.NotificationGate} applies
 * both to each evaluation's events and releases a held alert that still fires when its silence
 * ends.
 */
@NullMarked
package app.omniy.core.alert.silence;

import org.jspecify.annotations.NullMarked;
