package app.omniy.ops.status;

import app.omniy.core.sla.ExactRatio;

/** HTML text and attribute escaping, and the figures as the pages show them. */
final class Html {
  private Html() {}

  /** {@code text} safe in element content and in double- or single-quoted attributes. */
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
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** "99.9812%": truncated, never rounded up. */
  static String percent(ExactRatio ratio, int decimals) {
    return ratio.percent(decimals).toPlainString() + "%";
  }
}
