package app.omniy.instagram.internal;

import app.omniy.core.post.spi.OutcomeClass;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Classifies an Instagram Graph API error (code, subcode, {@code is_transient}) into the {@link
 * OutcomeClass} the retry policy acts on (POST-5), following the table in {@code
 * reference/instagram-graph-api.md}. The subcode decides first, as it is the more specific; an
 * unknown error is transient if Instagram says so, otherwise permanent (POST-9 counts unknown
 * errors against the service).
 *
 * <p>Media Instagram rejects (format, size, aspect ratio, caption, carousel count) and accounts it
 * restricted or flagged are {@link OutcomeClass#USER_CAUSED}: POST-9 excludes them from the success
 * rate. "Media could not be fetched" (code 9004, with or without subcode 2207052, and subcode
 * 2207052 under any code, such as a container's {@code status} text) is {@link
 * OutcomeClass#MEDIA_UNFETCHABLE}: Instagram could not download the media from the user's URL,
 * which POST-9 excludes as the user's doing; documented as permanent but sometimes transient in
 * practice, so the retry policy retries it once by default. A download timeout (2207003, "it takes
 * too long to download the media") stays transient: Meta says to try again, and it may be either
 * side's network.
 */
public final class GraphApiErrors {
  private GraphApiErrors() {}

  private static final Map<Integer, OutcomeClass> BY_SUBCODE =
      Map.ofEntries(
          Map.entry(2207001, OutcomeClass.TRANSIENT),
          Map.entry(2207003, OutcomeClass.TRANSIENT),
          Map.entry(2207032, OutcomeClass.TRANSIENT),
          Map.entry(2207008, OutcomeClass.TRANSIENT),
          Map.entry(2207052, OutcomeClass.MEDIA_UNFETCHABLE),
          Map.entry(2207042, OutcomeClass.QUOTA),
          Map.entry(2207027, OutcomeClass.NOT_READY),
          Map.entry(2207020, OutcomeClass.NEW_CONTAINER),
          Map.entry(2207053, OutcomeClass.NEW_CONTAINER),
          Map.entry(2207006, OutcomeClass.NEW_CONTAINER),
          Map.entry(2207051, OutcomeClass.USER_CAUSED),
          Map.entry(2207050, OutcomeClass.USER_CAUSED),
          Map.entry(2207026, OutcomeClass.USER_CAUSED),
          Map.entry(2207004, OutcomeClass.USER_CAUSED),
          Map.entry(2207005, OutcomeClass.USER_CAUSED),
          Map.entry(2207009, OutcomeClass.USER_CAUSED),
          Map.entry(2207010, OutcomeClass.USER_CAUSED),
          Map.entry(2207028, OutcomeClass.USER_CAUSED),
          Map.entry(2207040, OutcomeClass.USER_CAUSED),
          Map.entry(2207023, OutcomeClass.USER_CAUSED));

  private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 341, 80002, 368);

  /**
   * The class of an error with {@code code}, {@code subcode} (or {@code null}) and Instagram's
   * {@code is_transient} flag (or {@code null} when absent).
   */
  public static OutcomeClass classify(
      int code, @Nullable Integer subcode, @Nullable Boolean isTransient) {
    if (subcode != null && BY_SUBCODE.containsKey(subcode)) {
      return BY_SUBCODE.get(subcode);
    }
    if (code == 1 || code == 2) {
      return OutcomeClass.TRANSIENT;
    }
    if (RATE_LIMIT_CODES.contains(code)) {
      return OutcomeClass.RATE_LIMITED;
    }
    if (code == 9007) {
      return OutcomeClass.NOT_READY;
    }
    if (code == 9004) {
      return OutcomeClass.MEDIA_UNFETCHABLE;
    }
    if (code == 190) {
      return OutcomeClass.AUTH;
    }
    if (code == 25 || code == 352 || (code >= 36000 && code <= 36004)) {
      return OutcomeClass.USER_CAUSED;
    }
    if (code == 10 || (code >= 200 && code <= 299) || code == 506 || code == 100) {
      return OutcomeClass.PERMANENT;
    }
    return Boolean.TRUE.equals(isTransient) ? OutcomeClass.TRANSIENT : OutcomeClass.PERMANENT;
  }
}
