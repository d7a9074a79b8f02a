package app.omniy.ops.status;

import app.omniy.core.sla.ExactRatio;

/** HTML text and attribute escaping, and the figures as the pages show them. */
final class Html {
  private Html() {}

  /**
   * {@code text} safe in element content and in double- or single-quoted attributes: {@code < > & "
   * '} as entities, and control characters other than tab and line breaks (the {@code ESC} of ANSI
   * sequences, {@code NUL}, C1 controls) and bidirectional overrides shown as <code>&#92;uXXXX
   * </code>, as the Markdown reports show them.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> {
          if (hidden(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean hidden(char c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  /** "99.9812%": truncated, never rounded up. */
  static String percent(ExactRatio ratio, int decimals) {
    return ratio.percent(decimals).toPlainString() + "%";
  }
}
