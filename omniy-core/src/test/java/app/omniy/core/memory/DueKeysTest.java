package app.omniy.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DueKeysTest {
  private static final String ALPHABET = "\0019azAZ-_\u00fe\u00ff\u0100\u3042\uffff";

  @Test
  void the_id_prefix_never_contradicts_the_ids_order() {
    Random random = new Random(8);
    for (int i = 0; i < 200_000; i++) {
      String a = randomId(random);
      String b =
          random.nextInt(4) == 0
              ? a.substring(0, random.nextInt(a.length() + 1))
              : randomId(random);
      int byPrefix = Long.compareUnsigned(DueKeys.idPrefix(a), DueKeys.idPrefix(b));
      int byId = Integer.signum(a.compareTo(b));
      if (byPrefix != 0) {
        assertThat(Integer.signum(byPrefix)).as("%s vs %s", a, b).isEqualTo(byId);
      }
      int byKeys = DueKeys.compareKeys(7, DueKeys.idPrefix(a), 7, DueKeys.idPrefix(b));
      assertThat(byKeys == 0 ? byId : Integer.signum(byKeys)).as("%s vs %s", a, b).isEqualTo(byId);
      assertThat(DueKeys.compareKeys(6, DueKeys.idPrefix(a), 7, DueKeys.idPrefix(b))).isNegative();
    }
  }

  @Test
  void ids_of_a_burst_differ_in_their_prefix() {
    assertThat(Long.compareUnsigned(DueKeys.idPrefix("p12345"), DueKeys.idPrefix("p12346")))
        .isNegative();
    assertThat(DueKeys.idPrefix("post-0001")).isEqualTo(DueKeys.idPrefix("post-0002"));
  }

  @Test
  void due_keys_keep_the_order_of_instants_and_saturate_far_away() {
    Instant t = Instant.parse("2026-12-06T00:00:00Z");
    assertThat(DueKeys.of(t.plusNanos(1))).isEqualTo(DueKeys.of(t) + 1);
    assertThat(DueKeys.of(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(DueKeys.of(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    assertThat(DueKeys.of(Instant.EPOCH.minusNanos(1))).isEqualTo(-1);
  }

  private static String randomId(Random random) {
    StringBuilder id = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
