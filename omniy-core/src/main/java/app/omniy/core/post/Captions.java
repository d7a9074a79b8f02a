package app.omniy.core.post;

/**
 * Counts a caption the way Instagram limits it (POST-2).
 *
 * <p>Length is in Unicode code points, not Java {@code char}s. Meta gives the limit as "2,200
 * characters" without defining a character; a character outside the Basic Multilingual Plane (most
 * emoji, e.g. U+1F600) is one code point but two UTF-16 units, so counting {@code String.length()}
 * would reject captions a user sees as within the limit. Decision: count code points. A
 * multi-code-point emoji (a ZWJ family, a flag) still counts as several, which errs on the safe
 * side of Instagram's limit rather than risking a rejection at publish time.
 *
 * <p>A hashtag is {@code #} followed by at least one letter, digit or underscore (any script, as
 * Instagram allows {@code #東京}); a mention is {@code @} followed by at least one letter, digit,
 * underscore or dot. A lone {@code #} or {@code @}, or one inside a word ({@code a#b}, an e-mail
 * address), is neither.
 */
public final class Captions {
  private Captions() {}

  /** The caption's length in Unicode code points. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** How many hashtags the caption has. */
  public static int hashtags(String text) {
    return countMarked(text, '#', false);
  }

  /** How many {@code @}-mentions the caption has. */
  public static int mentions(String text) {
    return countMarked(text, '@', true);
  }

  private static int countMarked(String text, char marker, boolean dotAllowed) {
    int count = 0;
    int previous = ' ';
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == marker
          && !isWordPart(previous, dotAllowed)
          && next < text.length()
          && isWordPart(text.codePointAt(next), dotAllowed)) {
        count++;
      }
      previous = cp;
      i = next;
    }
    return count;
  }

  private static boolean isWordPart(int cp, boolean dotAllowed) {
    return Character.isLetterOrDigit(cp) || cp == '_' || (dotAllowed && cp == '.');
  }
}
