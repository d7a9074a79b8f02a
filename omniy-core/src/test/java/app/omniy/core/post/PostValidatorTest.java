package app.omniy.core.post;

import static app.omniy.core.post.Posts.NOW;
import static app.omniy.core.post.Posts.image;
import static app.omniy.core.post.Posts.jpeg;
import static app.omniy.core.post.Posts.mp4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST-2's rules, each at its boundary: the last accepted value and the first rejected one. */
class PostValidatorTest {
  private final PostValidator validator = PostValidator.withDefaults();

  private List<ViolationCode> codes(Post post) {
    return validator.check(post, NOW).stream().map(Violation::code).toList();
  }

  private static String repeat(String s, int n) {
    return String.join("", Collections.nCopies(n, s));
  }

  @Test
  void a_valid_post_has_no_violations() {
    assertThat(validator.check(image().build(), NOW)).isEmpty();
  }

  @Test
  void a_caption_of_2200_characters_passes_and_2201_fails() {
    assertThat(codes(image().caption(repeat("a", 2200)).build())).isEmpty();

    List<Violation> v = validator.check(image().caption(repeat("a", 2201)).build(), NOW);

    assertThat(v).extracting(Violation::code).containsExactly(ViolationCode.CAPTION_TOO_LONG);
    assertThat(v.get(0).field()).isEqualTo("caption");
    assertThat(v.get(0).message()).contains("2200").contains("2201");
  }

  @Test
  void caption_length_counts_code_points_so_2200_emoji_pass() {
    String emoji = repeat("\uD83D\uDE00", 2200); // U+1F600: 2 UTF-16 units each

    assertThat(emoji.length()).isEqualTo(4400);
    assertThat(codes(image().caption(emoji).build())).isEmpty();
    assertThat(codes(image().caption(emoji + "x").build()))
        .containsExactly(ViolationCode.CAPTION_TOO_LONG);
  }

  @Test
  void thirty_hashtags_pass_and_thirty_one_fail() {
    assertThat(codes(image().caption(repeat("#tag ", 30)).build())).isEmpty();
    assertThat(codes(image().caption(repeat("#tag ", 31)).build()))
        .containsExactly(ViolationCode.TOO_MANY_HASHTAGS);
  }

  @Test
  void twenty_mentions_pass_and_twenty_one_fail() {
    assertThat(codes(image().caption(repeat("@some.one ", 20)).build())).isEmpty();
    assertThat(codes(image().caption(repeat("@some.one ", 21)).build()))
        .containsExactly(ViolationCode.TOO_MANY_MENTIONS);
  }

  @Test
  void twenty_user_tags_pass_and_twenty_one_fail() {
    List<UserTag> tags = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tags.add(UserTag.centred("user" + i));
    }
    assertThat(codes(image().userTags(tags).build())).isEmpty();

    tags.add(UserTag.centred("one_more"));

    assertThat(validator.check(image().userTags(tags).build(), NOW))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.TOO_MANY_USER_TAGS);
              assertThat(v.field()).isEqualTo("userTags");
              assertThat(v.value()).isEqualTo("21");
            });
  }

  @Test
  void a_first_comment_longer_than_a_caption_may_be_fails() {
    assertThat(codes(image().firstComment(repeat("a", 2200)).build())).isEmpty();
    assertThat(codes(image().firstComment(repeat("a", 2201)).build()))
        .containsExactly(ViolationCode.FIRST_COMMENT_TOO_LONG);
  }

  @ParameterizedTest(name = "{0} items: {1}")
  @CsvSource({
    "0, CAROUSEL_TOO_FEW_ITEMS",
    "1, CAROUSEL_TOO_FEW_ITEMS",
    "2, ",
    "10, ",
    "11, CAROUSEL_TOO_MANY_ITEMS"
  })
  void a_carousel_takes_2_to_10_items(int n, ViolationCode expected) {
    List<MediaItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(i % 2 == 0 ? jpeg(1080, 1350) : mp4(Duration.ofSeconds(10), 1_000));
    }

    List<Violation> v = validator.check(image().media(Media.carousel(items)).build(), NOW);

    if (expected == null) {
      assertThat(v).isEmpty();
    } else {
      assertThat(v).extracting(Violation::code).containsExactly(expected);
      assertThat(v.get(0).field()).isEqualTo("media.items");
    }
  }

  @ParameterizedTest(name = "{0}x{1}: {2}")
  @CsvSource({
    "1080, 1350, ", // 4:5 exactly
    "1079, 1350, ASPECT_RATIO_TOO_TALL",
    "4, 5, ",
    "1910, 1000, ", // 1.91:1 exactly
    "1911, 1000, ASPECT_RATIO_TOO_WIDE",
    "191, 100, ",
    "19101, 10000, ASPECT_RATIO_TOO_WIDE", // 1.9101:1
    "1080, 1080, "
  })
  void image_aspect_ratio_lies_between_4_5_and_1_91_1_compared_exactly(
      int width, int height, ViolationCode expected) {
    List<ViolationCode> codes = codes(image().media(Media.image(jpeg(width, height))).build());

    if (expected == null) {
      assertThat(codes).isEmpty();
    } else {
      assertThat(codes).containsExactly(expected);
    }
  }

  @Test
  void an_image_of_8_mb_passes_and_one_byte_more_fails() {
    long eight = 8 * PostLimits.MB;
    MediaItem ok = MediaItem.image("https://x/a.jpg", "JPEG", 1080, 1080, eight);
    MediaItem big = MediaItem.image("https://x/a.jpg", "JPEG", 1080, 1080, eight + 1);

    assertThat(codes(image().media(Media.image(ok)).build())).isEmpty();
    assertThat(validator.check(image().media(Media.image(big)).build(), NOW))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.code()).isEqualTo(ViolationCode.IMAGE_TOO_LARGE);
              assertThat(v.field()).isEqualTo("media.item.bytes");
            });
  }

  @Test
  void only_jpeg_images_are_accepted_in_any_letter_case() {
    MediaItem png = MediaItem.image("https://x/a.png", "PNG", 1080, 1080, 10);
    MediaItem lower = MediaItem.image("https://x/a.jpg", "jpeg", 1080, 1080, 10);

    assertThat(codes(image().media(Media.image(png)).build()))
        .containsExactly(ViolationCode.IMAGE_FORMAT_NOT_ALLOWED);
    assertThat(codes(image().media(Media.image(lower)).build())).isEmpty();
  }

  @ParameterizedTest(name = "{0}, {1} bytes: {2}")
  @CsvSource({
    "PT3S, 1000, ",
    "PT2.999S, 1000, VIDEO_TOO_SHORT",
    "PT15M, 1000, ",
    "PT15M0.001S, 1000, VIDEO_TOO_LONG",
    "PT1M, 314572800, ", // 300 MB
    "PT1M, 314572801, VIDEO_TOO_LARGE"
  })
  void a_reel_lasts_3_s_to_15_min_and_is_at_most_300_mb(
      Duration duration, long bytes, ViolationCode expected) {
    List<ViolationCode> codes = codes(image().media(Media.reel(mp4(duration, bytes))).build());

    if (expected == null) {
      assertThat(codes).isEmpty();
    } else {
      assertThat(codes).containsExactly(expected);
    }
  }

  @Test
  void a_reel_must_be_a_video_in_an_allowed_format() {
    MediaItem avi =
        MediaItem.video("https://x/a.avi", "AVI", 1080, 1920, 10, Duration.ofSeconds(5));

    assertThat(codes(image().media(Media.reel(jpeg(1080, 1920))).build()))
        .containsExactly(ViolationCode.MEDIA_TYPE_MISMATCH);
    assertThat(codes(image().media(Media.reel(avi)).build()))
        .containsExactly(ViolationCode.VIDEO_FORMAT_NOT_ALLOWED);
  }

  @Test
  void the_publish_time_must_be_at_least_10_minutes_and_at_most_75_days_ahead() {
    assertThat(codes(image().publishAt(NOW.plus(Duration.ofMinutes(10))).build())).isEmpty();
    assertThat(codes(image().publishAt(NOW.plus(Duration.ofMinutes(10)).minusMillis(1)).build()))
        .containsExactly(ViolationCode.PUBLISH_TIME_TOO_SOON);
    assertThat(codes(image().publishAt(NOW.plus(Duration.ofDays(75))).build())).isEmpty();
    assertThat(codes(image().publishAt(NOW.plus(Duration.ofDays(75)).plusMillis(1)).build()))
        .containsExactly(ViolationCode.PUBLISH_TIME_TOO_FAR);
  }

  @Test
  void a_publish_time_in_the_past_is_too_soon_and_named() {
    List<Violation> v = validator.check(image().publishAt(NOW.minusSeconds(1)).build(), NOW);

    assertThat(v).extracting(Violation::field).containsExactly("publishAt");
    assertThat(v.get(0).value()).isEqualTo("2026-03-31T23:59:59Z");
  }

  @Test
  void every_violation_is_reported_at_once() {
    Post bad =
        image()
            .caption(repeat("#a ", 31) + repeat("x", 2200))
            .media(
                Media.carousel(
                    List.of(
                        MediaItem.image("https://x/a.png", "PNG", 100, 1000, 9 * PostLimits.MB))))
            .publishAt(NOW)
            .build();

    assertThat(codes(bad))
        .containsExactly(
            ViolationCode.CAPTION_TOO_LONG,
            ViolationCode.TOO_MANY_HASHTAGS,
            ViolationCode.CAROUSEL_TOO_FEW_ITEMS,
            ViolationCode.IMAGE_FORMAT_NOT_ALLOWED,
            ViolationCode.IMAGE_TOO_LARGE,
            ViolationCode.ASPECT_RATIO_TOO_TALL,
            ViolationCode.PUBLISH_TIME_TOO_SOON);
    assertThat(validator.check(bad, NOW).get(3).field()).isEqualTo("media.items[0].format");
  }

  @Test
  void require_throws_with_every_violation_and_names_the_fields() {
    Post bad = image().caption(repeat("a", 2201)).publishAt(NOW).build();

    assertThatThrownBy(() -> validator.require(bad, NOW))
        .isInstanceOf(PostRejectedException.class)
        .hasMessageContaining("caption CAPTION_TOO_LONG")
        .hasMessageContaining("publishAt PUBLISH_TIME_TOO_SOON")
        .satisfies(e -> assertThat(((PostRejectedException) e).violations()).hasSize(2));
  }

  @Test
  void limits_are_configuration() {
    PostValidator strict = new PostValidator(PostLimits.DEFAULTS.withMinLead(Duration.ofHours(2)));

    assertThat(strict.check(image().build(), NOW))
        .extracting(Violation::code)
        .containsExactly(ViolationCode.PUBLISH_TIME_TOO_SOON);
  }

  @Test
  void limits_of_more_than_a_year_and_a_day_are_refused() {
    assertThatThrownBy(() -> PostLimits.DEFAULTS.withMinLead(Duration.ofDays(367)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("minLead = 'PT8808H': must be at most 366 days");
  }
}
