package app.omniy.instagram.internal;

import app.omniy.core.post.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.instagram.GraphApiError;
import java.time.Duration;

/** Turns an unsuccessful {@link GraphResponse} into the core's classified result (POST-5). */
public final class Outcomes {
  /** The wait for a throttled call when the API states none. */
  static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofMinutes(1);

  /** The code of a call that got no answer. */
  public static final String NO_ANSWER = "no-answer";

  private Outcomes() {}

  public static <T> PublisherResult<T> failure(GraphResponse response) {
    if (response instanceof GraphResponse.NoAnswer none) {
      return PublisherResult.failure(OutcomeClass.TRANSIENT, NO_ANSWER, none.reason());
    }
    if (response instanceof GraphResponse.Failed failed) {
      return failure(failed.error(), failed.usage());
    }
    throw new IllegalArgumentException("not a failure: " + response);
  }

  public static <T> PublisherResult<T> failure(GraphApiError error, RateLimitUsage usage) {
    OutcomeClass outcome = ErrorClassifier.classify(error);
    if (outcome == OutcomeClass.RATE_LIMITED) {
      return PublisherResult.throttled(
          outcome,
          error.codeText(),
          error.describe(),
          usage.statedWait().orElse(DEFAULT_THROTTLE_WAIT));
    }
    return PublisherResult.failure(outcome, error.codeText(), error.describe());
  }
}
