package app.omniy.fuzz;

import app.omniy.core.OmniyException;

/**
 * The rule every target checks: outside input may be refused only with one of our documented
 * exceptions ({@link OmniyException} and its subclasses), carrying a message a person can act on.
 * Anything else (a {@code NullPointerException}, a Jackson exception leaking through, a stack
 * overflow) escapes the target and Jazzer reports it as a finding.
 */
final class Documented {
  private Documented() {}

  /** Runs {@code parse}; returns whether it accepted the input. */
  static boolean accepts(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (OmniyException e) {
      String message = e.getMessage();
      if (message == null || message.isBlank()) {
        throw new AssertionError("refused without saying why: " + e.getClass().getName(), e);
      }
      return false;
    }
  }
}
