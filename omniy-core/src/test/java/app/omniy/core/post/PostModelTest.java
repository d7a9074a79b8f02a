package app.omniy.core.post;

import static app.omniy.core.post.Posts.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST-1's model rejects missing and malformed parts naming the field, never with an NPE. */
class PostModelTest {

  @Test
  void missing_fields_are_named() {
    assertThatThrownBy(() -> image().publishAt(null).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("publishAt: is required");
    assertThatThrownBy(() -> image().zone(null).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("zone: is required");
    assertThatThrownBy(() -> image().caption(null).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("caption: is required");
    assertThatThrownBy(() -> image().media(null).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("media: is required");
    assertThatThrownBy(() -> Post.builder(" ", "acct").build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("id");
  }

  @Test
  void a_null_user_tag_or_carousel_item_is_named_with_its_index() {
    List<UserTag> tags = new ArrayList<>();
    tags.add(UserTag.centred("a"));
    tags.add(null);
    List<MediaItem> items = new ArrayList<>();
    items.add(Posts.jpeg(1080, 1080));
    items.add(null);

    assertThatThrownBy(() -> image().userTags(tags).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("userTags[1]");
    assertThatThrownBy(() -> Media.carousel(items))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("media.items[1]");
    assertThatThrownBy(() -> Media.carousel(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("media.items");
  }

  @Test
  void an_empty_carousel_is_a_named_violation() {
    Post post = image().media(Media.carousel(List.of())).build();

    assertThat(PostValidator.withDefaults().check(post, Posts.NOW))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("media.items");
              assertThat(v.code()).isEqualTo(ViolationCode.CAROUSEL_TOO_FEW_ITEMS);
            });
  }

  @Test
  void negative_or_missing_sizes_and_durations_are_rejected() {
    assertThatThrownBy(() -> Posts.mp4(Duration.ofSeconds(-1), 10))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("duration");
    assertThatThrownBy(() -> Posts.mp4(null, 10))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duration: is required");
    assertThatThrownBy(() -> MediaItem.image("https://x/a.jpg", "JPEG", 10, 10, -1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("bytes");
    assertThatThrownBy(() -> MediaItem.image("https://x/a.jpg", "JPEG", 0, 10, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("width");
    assertThatThrownBy(() -> MediaItem.image(null, "JPEG", 10, 10, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("url: is required");
  }

  @Test
  void a_user_tag_position_lies_within_the_media() {
    assertThatThrownBy(() -> new UserTag("a", new BigDecimal("1.01"), BigDecimal.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("x");
  }

  @Test
  void a_user_tag_position_finer_than_instagram_takes_is_refused_and_shown_in_short_form() {
    // 1e-999999999 lies within 0–1; printed in full it is a billion characters (POST-2).
    assertThatThrownBy(() -> new UserTag("a", new BigDecimal("1e-999999999"), BigDecimal.ZERO))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("x");
              assertThat(e.value()).isEqualTo("1e-999999999");
              assertThat(e.reason()).isEqualTo("has more than 4 decimal places");
            });
    assertThatThrownBy(() -> new UserTag("a", BigDecimal.ZERO, new BigDecimal("1e999999999")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("y");
              assertThat(e.value()).isEqualTo("1e999999999");
            });
    assertThatThrownBy(() -> new UserTag("a", new BigDecimal("0.12345"), BigDecimal.ZERO))
        .hasMessage("x = '0.12345': has more than 4 decimal places");
  }

  @Test
  void a_user_tag_position_keeps_four_decimal_places_and_drops_only_trailing_zeros() {
    UserTag tag = new UserTag("a", new BigDecimal("0.1234"), new BigDecimal("0.500000000"));

    assertThat(tag.x()).isEqualByComparingTo("0.1234");
    assertThat(tag.y().toPlainString()).isEqualTo("0.5");
    assertThat(new UserTag("a", new BigDecimal("1E+0"), BigDecimal.ONE).x().toPlainString())
        .isEqualTo("1");
  }

  @Test
  void a_video_longer_than_a_year_and_a_publish_time_beyond_year_10000_are_refused() {
    assertThatThrownBy(
            () -> MediaItem.video("https://x/a.mp4", "MP4", 10, 10, 1, Duration.ofDays(367)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duration = 'PT8808H': must be at most 366 days");
    assertThatThrownBy(() -> image().publishAt(Instant.parse("+10001-01-01T00:00:00Z")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("publishAt = '+10001-01-01T00:00:00Z': must lie between");
    assertThatThrownBy(() -> image().publishAt(Instant.MIN).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("publishAt");
  }

  @Test
  void an_edit_keeps_the_id_and_account() {
    PostRecord r = PostRecord.scheduled(image().build());
    Post other =
        Post.builder("p1", "another")
            .media(r.post().media())
            .publishAt(r.post().publishAt())
            .zone(r.post().zone())
            .build();

    assertThatThrownBy(() -> r.withPost(other))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must keep the id and the account");
  }

  @Test
  void the_post_is_immutable_and_copies_its_lists() {
    List<UserTag> tags = new ArrayList<>(List.of(UserTag.centred("a")));
    Post post = image().userTags(tags).build();
    tags.add(UserTag.centred("b"));

    assertThat(post.userTags()).hasSize(1);
    assertThat(post.toBuilder().build()).isEqualTo(post);
    assertThat(post.firstCommentText()).isEmpty();
  }
}
