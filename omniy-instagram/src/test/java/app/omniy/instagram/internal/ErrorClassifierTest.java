package app.omniy.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.spi.OutcomeClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the error table in {@code reference/instagram-graph-api.md} (POST-5). */
class ErrorClassifierTest {

  @ParameterizedTest(name = "HTTP {0}, code {1}/{2} is {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "500, 1, -, TRANSIENT",
        "500, 2, -, TRANSIENT",
        "400, -1, 2207001, TRANSIENT",
        "400, -1, 2207003, TRANSIENT",
        "400, -1, 2207032, TRANSIENT",
        "400, -1, 2207008, TRANSIENT",
        "400, 4, -, RATE_LIMITED",
        "400, 17, -, RATE_LIMITED",
        "400, 32, -, RATE_LIMITED",
        "400, 613, -, RATE_LIMITED",
        "400, 341, -, RATE_LIMITED",
        "429, 80002, -, RATE_LIMITED",
        "400, 368, -, RATE_LIMITED",
        "400, 9, 2207042, QUOTA",
        "400, 9007, 2207027, NOT_READY",
        "400, 100, 2207020, NEW_CONTAINER",
        "400, 100, 2207053, NEW_CONTAINER",
        "400, 100, 2207006, NEW_CONTAINER",
        "400, 190, 458, AUTH",
        "400, 190, 459, AUTH",
        "400, 190, 460, AUTH",
        "400, 190, 463, AUTH",
        "400, 190, 464, AUTH",
        "400, 190, 467, AUTH",
        "400, 190, 492, AUTH",
        "400, 190, -, AUTH",
        "403, 10, -, PERMANENT",
        "403, 200, -, PERMANENT",
        "403, 299, -, PERMANENT",
        "400, 506, -, PERMANENT",
        "400, 4, 2207051, USER_CAUSED",
        "400, 25, 2207050, USER_CAUSED",
        "400, 352, 2207026, USER_CAUSED",
        "400, 36000, 2207004, USER_CAUSED",
        "400, 36001, 2207005, USER_CAUSED",
        "400, 36003, 2207009, USER_CAUSED",
        "400, 36004, 2207010, USER_CAUSED",
        "400, 100, 2207028, USER_CAUSED",
        "400, 100, 2207040, USER_CAUSED",
        "400, 100, 2207023, USER_CAUSED",
        "400, 9004, 2207052, MEDIA_UNFETCHABLE",
        "400, 9004, -, MEDIA_UNFETCHABLE",
        "502, -1, -, TRANSIENT",
        "400, 100, -, PERMANENT"
      })
  void follows_the_reference_table(int status, int code, Integer subcode, OutcomeClass expected) {
    var error =
        new GraphApiError(status, "m", "OAuthException", code, subcode, "trace", null, null, null);

    assertThat(ErrorClassifier.classify(error)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "Error: 2207026, USER_CAUSED",
    "Error: 2207053, NEW_CONTAINER",
    "Error: 2207052, MEDIA_UNFETCHABLE",
    "Error, NEW_CONTAINER"
  })
  void an_error_container_is_the_users_only_when_its_subcode_blames_the_media(
      String statusText, OutcomeClass expected) {
    assertThat(Outcomes.containerError(statusText)).isEqualTo(expected);
  }
}
