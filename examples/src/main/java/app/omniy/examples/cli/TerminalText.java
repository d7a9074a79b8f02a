package app.omniy.examples.cli;

/**
 * Makes untrusted text safe to print on a terminal. Post ids, captions, downtime notes, rule names,
 * sample tags and file names come from files and command lines that anyone may have written; a raw
 * ESC, CR or other control character among them could move the cursor, rewrite earlier lines, set
 * the window title or hide what precedes it. Every such character is shown as a Java/JSON escape
 * instead, e.g. ESC as {@code \u001b}, so what is printed is what the file holds.
 *
 * <p>Escaped: the C0 controls, DEL and the C1 controls (U+0080 to U+009F; U+009B alone starts an
 * ANSI sequence on some terminals), and the bidirectional embeddings, overrides and isolates
 * (U+202A to U+202E, U+2066 to U+2069) that reorder what follows them on screen. As the escapes are
 * those of JSON, a compact JSON text stays valid JSON with the same values.
 */
final class TerminalText {
  private TerminalText() {}

  /** {@code text} as one line: line breaks and tabs are escaped too. */
  static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} with its line breaks ({@code \n} and {@code \r\n}) and tabs kept, for multi-line
   * output such as Markdown, summaries and stack traces; a lone CR is escaped, as it would
   * overwrite the line.
   */
  static String escapeLines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLineBreaks) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean layout =
          keepLineBreaks
              && (c == '\n'
                  || c == '\t'
                  || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'));
      if (layout || !unsafe(c)) {
        if (safe != null) {
          safe.append(c);
        }
        continue;
      }
      if (safe == null) {
        safe = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      safe.append(String.format("\\u%04x", (int) c));
    }
    return safe == null ? text : safe.toString();
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
