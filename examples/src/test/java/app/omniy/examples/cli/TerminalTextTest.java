package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void plain_text_of_any_script_is_printed_as_it_is() {
    String text = "サービス停止 ALERT-C1: 12% (12 of 100) > 10%; café \\ tab-free";

    assertThat(TerminalText.escape(text)).isSameAs(text);
    assertThat(TerminalText.escapeLines(text)).isSameAs(text);
  }

  @Test
  void ansi_escapes_bells_carriage_returns_and_c1_controls_become_java_escapes() {
    assertThat(TerminalText.escape("a\u001b[2J\u001b]0;title\u0007b\rc\u009b31m\u0000\u007f"))
        .isEqualTo("a\\u001b[2J\\u001b]0;title\\u0007b\\u000dc\\u009b31m\\u0000\\u007f");
  }

  @Test
  void one_line_escapes_line_breaks_and_tabs_so_no_line_can_be_forged() {
    assertThat(TerminalText.escape("note\nFAKE LINE\r\n\t"))
        .isEqualTo("note\\u000aFAKE LINE\\u000d\\u000a\\u0009");
  }

  @Test
  void lines_keep_their_line_breaks_and_tabs_but_not_a_lone_carriage_return() {
    assertThat(TerminalText.escapeLines("one\ntwo\r\n\tthree\rover\u001b[A\n"))
        .isEqualTo("one\ntwo\r\n\tthree\\u000dover\\u001b[A\n");
  }

  @Test
  void bidirectional_overrides_that_reorder_the_screen_are_escaped() {
    assertThat(TerminalText.escape("abc\u202edcba\u2066x\u2069"))
        .isEqualTo("abc\\u202edcba\\u2066x\\u2069");
  }
}
