package app.omniy.instagram.internal;

import app.omniy.core.post.OutcomeClass;
import app.omniy.instagram.GraphApiError;
import java.util.Set;

/**
 * Maps a Graph API error to the core's outcome classes (POST-5), following the error table of
 * {@code reference/instagram-graph-api.md}. Subcodes are checked before codes: Instagram reuses
 * broad codes (4, 9, 100) for unrelated subcodes.
 */
public final class ErrorClassifier {
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
  private static final Set<Integer> TRANSIENT_SUBCODES = Set.of(2207001, 2207003, 2207032, 2207008);
  private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 341, 80002, 368);
  private static final Set<Integer> NEW_CONTAINER_SUBCODES = Set.of(2207020, 2207053, 2207006);

  /** 2207052 "media could not be fetched": documented permanent, transient in practice. */
  private static final Set<Integer> FLAKY_SUBCODES = Set.of(2207052);

  /** The user's media or account: excluded from the success rate (POST-9). */
  private static final Set<Integer> USER_CAUSED_SUBCODES =
      Set.of(
          2207051, 2207050, 2207026, 2207004, 2207005, 2207009, 2207010, 2207028, 2207040, 2207023);

  private ErrorClassifier() {}

  public static OutcomeClass classify(GraphApiError error) {
    int code = error.code();
    Integer subcode = error.subcode();
    if (code == 190) {
      return OutcomeClass.AUTH;
    }
    if (subcode != null) {
      if (subcode == 2207042) {
        return OutcomeClass.QUOTA;
      }
      if (subcode == 2207027) {
        return OutcomeClass.NOT_READY;
      }
      if (NEW_CONTAINER_SUBCODES.contains(subcode)) {
        return OutcomeClass.NEW_CONTAINER;
      }
      if (TRANSIENT_SUBCODES.contains(subcode) || FLAKY_SUBCODES.contains(subcode)) {
        return OutcomeClass.TRANSIENT;
      }
      if (USER_CAUSED_SUBCODES.contains(subcode)) {
        return OutcomeClass.USER_CAUSED;
      }
    }
    if (code == 9007) {
      return OutcomeClass.NOT_READY;
    }
    if (code == 9004
        || code == 36000
        || code == 36001
        || code == 36003
        || code == 36004
        || code == 352
        || code == 25) {
      return code == 9004 ? OutcomeClass.TRANSIENT : OutcomeClass.USER_CAUSED;
    }
    if (RATE_LIMIT_CODES.contains(code)) {
      return OutcomeClass.RATE_LIMITED;
    }
    if (TRANSIENT_CODES.contains(code) || Boolean.TRUE.equals(error.isTransient())) {
      return OutcomeClass.TRANSIENT;
    }
    if (code == 10 || (code >= 200 && code <= 299) || code == 506) {
      return OutcomeClass.PERMANENT;
    }
    if (error.httpStatus() >= 500) {
      return OutcomeClass.TRANSIENT;
    }
    if (error.httpStatus() == 429) {
      return OutcomeClass.RATE_LIMITED;
    }
    return OutcomeClass.PERMANENT;
  }
}
