package app.omniy.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.spi.OutcomeClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference table's error classes (POST-5), one row per kind of error. */
class GraphApiErrorsTest {

  @ParameterizedTest(name = "{0}/{1} (is_transient {2}) is {3}")
  @CsvSource({
    "1, , , TRANSIENT",
    "2, , , TRANSIENT",
    "-1, 2207001, , TRANSIENT",
    "-1, 2207008, , TRANSIENT",
    "9004, 2207052, , MEDIA_UNFETCHABLE",
    "9004, , , MEDIA_UNFETCHABLE",
    "-2, 2207052, true, MEDIA_UNFETCHABLE",
    "-2, 2207003, , TRANSIENT",
    "4, , , RATE_LIMITED",
    "80002, , , RATE_LIMITED",
    "368, , , RATE_LIMITED",
    "9, 2207042, , QUOTA",
    "9007, 2207027, , NOT_READY",
    "-1, 2207020, , NEW_CONTAINER",
    "-1, 2207006, , NEW_CONTAINER",
    "190, 463, , AUTH",
    "190, , , AUTH",
    "10, , , PERMANENT",
    "200, , , PERMANENT",
    "506, , , PERMANENT",
    "4, 2207051, , USER_CAUSED",
    "25, 2207050, , USER_CAUSED",
    "36004, 2207010, , USER_CAUSED",
    "100, 2207028, , USER_CAUSED",
    "999, , true, TRANSIENT",
    "999, , false, PERMANENT",
    "999, , , PERMANENT"
  })
  void errors_are_classified_as_the_reference_table_says(
      int code, Integer subcode, Boolean isTransient, OutcomeClass expected) {
    assertThat(GraphApiErrors.classify(code, subcode, isTransient)).isEqualTo(expected);
  }
}
