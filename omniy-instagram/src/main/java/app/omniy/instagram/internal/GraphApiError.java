package app.omniy.instagram.internal;

import org.jspecify.annotations.Nullable;

/**
 * The Graph API's error object, kept whole so an operator can search for it (by {@code fbtrace_id}
 * with Meta, by code in the reference table).
 *
 * @param httpStatus the HTTP status it came with
 * @param message {@code message}
 * @param type {@code type}, such as {@code OAuthException}
 * @param code {@code code}
 * @param subcode {@code error_subcode}, or {@code null}
 * @param fbtraceId {@code fbtrace_id}, or {@code null}
 * @param isTransient {@code is_transient} (Instagram only), or {@code null}
 * @param userTitle {@code error_user_title}, or {@code null}
 * @param userMessage {@code error_user_msg}, or {@code null}
 */
public record GraphApiError(
    int httpStatus,
    String message,
    String type,
    int code,
    @Nullable Integer subcode,
    @Nullable String fbtraceId,
    @Nullable Boolean isTransient,
    @Nullable String userTitle,
    @Nullable String userMessage) {

  /** {@code code} or {@code code/subcode}, as the reference table writes them. */
  public String codeText() {
    return subcode == null ? Integer.toString(code) : code + "/" + subcode;
  }

  /** One line for a transition's reason and the logs: code, type, message and trace id. */
  public String describe() {
    StringBuilder text =
        new StringBuilder("Graph API error ")
            .append(codeText())
            .append(" (")
            .append(type)
            .append(", HTTP ")
            .append(httpStatus)
            .append("): ")
            .append(message);
    if (fbtraceId != null) {
      text.append(" [fbtrace_id ").append(fbtraceId).append(']');
    }
    if (Boolean.TRUE.equals(isTransient)) {
      text.append(" [transient]");
    }
    return text.toString();
  }
}
