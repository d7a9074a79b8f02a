package app.omniy.instagram.internal;

import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
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

  /**
   * The class of a container in {@code ERROR}, from the subcode in its {@code status} text ("Error:
   * 2207026"): a subcode that blames the media is the user's, media Instagram could not fetch from
   * its URL (2207052) is {@link OutcomeClass#MEDIA_UNFETCHABLE} (POST-9), anything else needs a new
   * container.
   */
  public static OutcomeClass containerError(String statusText) {
    java.util.regex.Matcher subcode =
        java.util.regex.Pattern.compile("(\\d{7})").matcher(statusText);
    if (subcode.find()) {
      OutcomeClass outcome =
          ErrorClassifier.classify(
              new GraphApiError(
                  400,
                  statusText,
                  "ContainerError",
                  9004,
                  Integer.valueOf(subcode.group(1)),
                  null,
                  null,
                  null,
                  null));
      if (outcome == OutcomeClass.USER_CAUSED || outcome == OutcomeClass.MEDIA_UNFETCHABLE) {
        return outcome;
      }
    }
    return OutcomeClass.NEW_CONTAINER;
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
