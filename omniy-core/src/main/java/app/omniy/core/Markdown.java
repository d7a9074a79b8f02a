package app.omniy.core;

/**
 * Text a user or a file supplied, made inert for the Markdown reports (SLA-8, INC-3, MNT-1, MNT-2):
 * it reads as the same words, but nothing in it becomes markup, a link, a table column, a new line
 * or a terminal command.
 *
 * <ul>
 *   <li>HTML-significant {@code < > & " '} become the entities {@code &lt; &gt; &amp; &quot;
 *       &#39;}, so no tag or script reaches a renderer that passes HTML through.
 *   <li>Markdown-significant {@code \ ` * _ [ ] | ~} are backslash-escaped, and so is a {@code #},
 *       {@code -}, {@code +} or {@code =} that starts the text, and the {@code .} or {@code )} of a
 *       leading number followed by a blank ({@code 1. }; not {@code 99.9%}), so the text cannot
 *       open a heading, list or emphasis, close a table cell or form a link.
 *   <li>Line breaks and tabs become spaces, so the text stays in its line, list item or table row.
 *       Other control characters (the {@code ESC} of ANSI sequences, {@code NUL}, C1 controls) and
 *       the bidirectional overrides that can make text read other than it is are shown as <code>
 *       &#92;uXXXX</code>.
 * </ul>
 *
 * <p>Safe anywhere inline: in a paragraph, a list item, a heading and a table cell.
 */
public final class Markdown {
  private Markdown() {}

  /**
   * {@code text} as inert inline Markdown.
   *
   * @throws InvalidValueException if {@code text} is null
   */
  public static String escape(String text) {
    Require.nonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean atStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (atStart && c != ' ' && !isBreak(c)) {
        atStart = false;
        if (c == '#' || c == '-' || c == '+' || c == '=') {
          out.append('\\').append(c);
          continue;
        }
        int digits = leadingDigits(text, i);
        if (digits > 0 && startsOrderedList(text, i + digits)) {
          out.append(text, i, i + digits).append('\\').append(text.charAt(i + digits));
          i += digits;
          continue;
        }
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        case '\r' -> {
          out.append(' ');
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> {
          if (isBreak(c)) {
            out.append(' ');
          } else if (isHidden(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static int leadingDigits(String text, int from) {
    int n = 0;
    while (from + n < text.length() && n < 10 && Character.isDigit(text.charAt(from + n))) {
      n++;
    }
    return n;
  }

  /** Whether {@code 1.} or {@code 1)} followed by a blank or the end is at {@code at}. */
  private static boolean startsOrderedList(String text, int at) {
    if (at >= text.length() || (text.charAt(at) != '.' && text.charAt(at) != ')')) {
      return false;
    }
    return at + 1 == text.length() || text.charAt(at + 1) == ' ' || isBreak(text.charAt(at + 1));
  }

  /** A line break or tab: shown as a space. */
  private static boolean isBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\t'
        || c == '\u000B'
        || c == '\u000C'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  /** A control character or bidirectional override: shown as its code. */
  private static boolean isHidden(char c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }
}
