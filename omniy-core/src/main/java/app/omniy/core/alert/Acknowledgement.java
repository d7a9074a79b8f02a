package app.omniy.core.alert;

import app.omniy.core.Require;
import java.time.Instant;

/**
 * Someone answered a firing alert (ALERT-3).
 *
 * @param by who acknowledged, as the operator names them
 * @param at when; exactly at the response deadline is on time
 */
public record Acknowledgement(String by, Instant at) {
  public Acknowledgement {
    Require.nonBlank(by, "by");
    Require.nonNull(at, "at");
  }
}
