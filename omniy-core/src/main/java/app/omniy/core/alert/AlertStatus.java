package app.omniy.core.alert;

/**
 * Where one alert stands after an evaluation, with what the evaluation found; "too little data" and
 * "no data" show up here even though they never notify.
 *
 * @param key the alert
 * @param phase its phase after the evaluation
 * @param evaluation what the evaluation found
 */
public record AlertStatus(AlertKey key, AlertPhase phase, Evaluation evaluation) {}
