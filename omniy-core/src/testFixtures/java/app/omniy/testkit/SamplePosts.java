package app.omniy.testkit;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import java.time.Instant;
import java.time.ZoneId;

/** Valid posts for tests: Omniy's own and a host's, when the post's content does not matter. */
public final class SamplePosts {
  private SamplePosts() {}

  /**
   * A valid square JPEG post of {@code account} with id {@code id}, due at {@code publishAt}, in
   * the home zone; its media URL and caption name the id.
   */
  public static Post image(String id, String account, Instant publishAt) {
    return Post.builder(id, account)
        .media(
            Media.image(
                MediaItem.image("https://cdn.example/" + id + ".jpg", "JPEG", 1080, 1080, 1000)))
        .caption("caption of " + id)
        .publishAt(publishAt)
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }
}
