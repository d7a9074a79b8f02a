package app.omniy.core.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Valid test posts, to be broken one field at a time. */
public final class Posts {
  public static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
  public static final Instant IN_ONE_HOUR = NOW.plus(Duration.ofHours(1));

  private Posts() {}

  public static MediaItem jpeg(int width, int height) {
    return MediaItem.image("https://cdn.example/a.jpg", "JPEG", width, height, 1_000);
  }

  public static MediaItem mp4(Duration duration, long bytes) {
    return MediaItem.video("https://cdn.example/a.mp4", "MP4", 1080, 1920, bytes, duration);
  }

  public static Post.Builder image() {
    return Post.builder("p1", "acct")
        .media(Media.image(jpeg(1080, 1080)))
        .caption("hello")
        .publishAt(IN_ONE_HOUR)
        .zone(ZoneId.of("Asia/Tokyo"));
  }
}
