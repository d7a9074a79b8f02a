package app.omniy.instagram.internal;

import app.omniy.core.post.spi.OutcomeClass;

/**
 * Classifies a Graph API error answer (POST-5). The codes are the core's rule ({@link
 * GraphApiErrors}, the reference table); what only the HTTP layer knows is added here: an error the
 * table does not explain is transient when the server failed (5xx) and rate-limited when it
 * answered 429.
 */
public final class ErrorClassifier {
  private ErrorClassifier() {}

  public static OutcomeClass classify(GraphApiError error) {
    OutcomeClass byCode =
        GraphApiErrors.classify(error.code(), error.subcode(), error.isTransient());
    if (byCode != OutcomeClass.PERMANENT) {
      return byCode;
    }
    if (error.httpStatus() >= 500) {
      return OutcomeClass.TRANSIENT;
    }
    if (error.httpStatus() == 429) {
      return OutcomeClass.RATE_LIMITED;
    }
    return byCode;
  }
}
