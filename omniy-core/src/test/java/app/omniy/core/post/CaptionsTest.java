package app.omniy.core.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How captions are counted (POST-2): code points, and hashtags and mentions as words. */
class CaptionsTest {

  @ParameterizedTest(name = "''{0}'' has {1} hashtags")
  @CsvSource(
      delimiter = '|',
      value = {
        "#a #b #c|3",
        "#東京 #カフェ|2",
        "# alone|0",
        "a#b|0",
        "##double|1",
        "#tag,#tag2|2",
        "''|0"
      })
  void hashtags_are_a_hash_followed_by_a_word(String caption, int expected) {
    assertThat(Captions.hashtags(caption)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' has {1} mentions")
  @CsvSource(
      delimiter = '|',
      value = {"@a @b.c|2", "mail me at a@b.com|0", "@ nobody|0", "(@x)|1"})
  void mentions_are_an_at_followed_by_a_username(String caption, int expected) {
    assertThat(Captions.mentions(caption)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' is {1} characters")
  @CsvSource(
      delimiter = '|',
      value = {"abc|3", "日本語|3", "\uD83D\uDE00|1", "é|1"})
  void length_is_in_code_points(String caption, int expected) {
    assertThat(Captions.length(caption)).isEqualTo(expected);
  }
}
