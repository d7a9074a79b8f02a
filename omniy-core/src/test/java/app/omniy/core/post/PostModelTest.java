package app.omniy.core.post;

import static app.omniy.core.post.Posts.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
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
  void a_user_tag_position_beyond_any_size_is_refused_without_writing_it_out() {
    assertThatThrownBy(() -> new UserTag("a", new BigDecimal("-1e999999999"), BigDecimal.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("x = '-1E+999999999': must be between 0 and 1");
    assertThatThrownBy(() -> new UserTag("a", BigDecimal.ZERO, new BigDecimal("1e-999999999")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("y = '1E-999999999': must have at most 20 decimal places");
    assertThat(new UserTag("a", new BigDecimal("0.33333333333333333333"), BigDecimal.ONE).x())
        .isEqualByComparingTo("0.33333333333333333333");
    assertThat(new UserTag("a", new BigDecimal("0.5000000000000000000000000"), BigDecimal.ONE).x())
        .as("trailing zeros are no decimal places")
        .isEqualByComparingTo("0.5");
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
