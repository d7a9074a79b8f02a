package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Untrusted text in the Markdown reports reads as the same words and nothing more. */
class MarkdownTest {

  @Test
  void plain_text_is_left_as_it_is() {
    assertThat(Markdown.escape("Database failover, 2026-04-10 (JST): 50 min"))
        .isEqualTo("Database failover, 2026-04-10 (JST): 50 min");
    assertThat(Markdown.escape("障害発生 — 復旧済み")).isEqualTo("障害発生 — 復旧済み");
    assertThat(Markdown.escape("")).isEmpty();
  }

  @Test
  void html_significant_characters_become_entities() {
    assertThat(Markdown.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Markdown.escape("Tom & \"Jerry's\"")).isEqualTo("Tom &amp; &quot;Jerry&#39;s&quot;");
    assertThat(Markdown.escape("&lt;")).as("an entity is shown, not decoded").isEqualTo("&amp;lt;");
  }

  @Test
  void markdown_significant_characters_are_backslash_escaped() {
    assertThat(Markdown.escape("| a | b |")).isEqualTo("\\| a \\| b \\|");
    assertThat(Markdown.escape("**bold** _it_ `code` ~~gone~~"))
        .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~");
    assertThat(Markdown.escape("[click](https://evil.example)"))
        .isEqualTo("\\[click\\](https://evil.example)");
    assertThat(Markdown.escape("C:\\temp")).isEqualTo("C:\\\\temp");
  }

  @Test
  void a_block_marker_is_escaped_only_where_it_starts_the_text() {
    assertThat(Markdown.escape("# Root cause")).isEqualTo("\\# Root cause");
    assertThat(Markdown.escape("  - item")).isEqualTo("  \\- item");
    assertThat(Markdown.escape("+ item")).isEqualTo("\\+ item");
    assertThat(Markdown.escape("=== ")).isEqualTo("\\=== ");
    assertThat(Markdown.escape("1. first")).isEqualTo("1\\. first");
    assertThat(Markdown.escape("12) twelfth")).isEqualTo("12\\) twelfth");
    assertThat(Markdown.escape("3.")).isEqualTo("3\\.");
    assertThat(Markdown.escape("99.8842%")).as("a figure is no list").isEqualTo("99.8842%");
    assertThat(Markdown.escape("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(Markdown.escape("issue #7 - fixed in 1.2"))
        .as("mid-text they are plain text")
        .isEqualTo("issue #7 - fixed in 1.2");
  }

  @Test
  void line_breaks_and_tabs_become_spaces_so_the_text_stays_on_its_line() {
    assertThat(Markdown.escape("one\ntwo\r\nthree\rfour\tfive\u2028six"))
        .isEqualTo("one two three four five six");
    assertThat(Markdown.escape("db down\n# Root cause")).isEqualTo("db down # Root cause");
  }

  @Test
  void control_characters_and_bidi_overrides_are_shown_as_their_code() {
    assertThat(Markdown.escape("\u001B[31mred\u001B[0m")).isEqualTo("\\u001B\\[31mred\\u001B\\[0m");
    assertThat(Markdown.escape("a\u0000b\u007Fc\u009Bd")).isEqualTo("a\\u0000b\\u007Fc\\u009Bd");
    assertThat(Markdown.escape("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202Efdp.exe");
  }

  @Test
  void null_is_rejected_naming_the_text() {
    assertThatThrownBy(() -> Markdown.escape(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("text");
  }
}
