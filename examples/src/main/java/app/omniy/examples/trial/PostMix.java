package app.omniy.examples.trial;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The month's posts: images, carousels and reels at local daytime hours in each account's zone;
 * about one in twenty-five breaks a POST-2 limit on purpose (31 hashtags).
 */
final class PostMix {
  /** The accounts' zones, round robin: the service's users are not all in Japan. */
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Asia/Tokyo"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/London"),
          ZoneId.of("Australia/Sydney"),
          ZoneId.of("America/Los_Angeles"),
          ZoneId.of("Asia/Singapore"));

  private final SplittableRandom random;

  PostMix(SplittableRandom random) {
    this.random = random;
  }

  /**
   * A publish time on a random day, 08:00–21:59 in {@code zone}, inside {@code [earliest, latest]}.
   */
  Instant publishTime(ZoneId zone, LocalDate first, int days, Instant earliest, Instant latest) {
    for (int tries = 0; tries < 20; tries++) {
      LocalDate day = first.plusDays(random.nextInt(days));
      LocalTime time = LocalTime.of(8 + random.nextInt(14), random.nextInt(60));
      Instant at = day.atTime(time).atZone(zone).toInstant();
      if (!at.isBefore(earliest) && !at.isAfter(latest)) {
        return at;
      }
    }
    return earliest.plus(Duration.ofMinutes(random.nextInt(60)));
  }

  /** Post number {@code n}: 70% images, 20% carousels, 10% reels. */
  Post post(int n, String account, ZoneId zone, Instant publishAt) {
    int kind = random.nextInt(100);
    Media media;
    if (kind < 70) {
      media = Media.image(image(n, 0));
    } else if (kind < 90) {
      List<MediaItem> items = new ArrayList<>();
      int size = 2 + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        items.add(image(n, i));
      }
      media = Media.carousel(items);
    } else {
      media =
          Media.reel(
              MediaItem.video(
                  "https://cdn.example/trial/" + n + ".mp4",
                  "MP4",
                  1080,
                  1920,
                  20_000_000,
                  Duration.ofSeconds(15 + random.nextInt(60))));
    }
    String caption = random.nextInt(25) == 0 ? "#tag ".repeat(31) : "Trial post " + n + " #omniy";
    return Post.builder("trial-" + n, account)
        .media(media)
        .caption(caption)
        .firstComment(n % 4 == 0 ? "First comment of post " + n : null)
        .publishAt(publishAt)
        .zone(zone)
        .build();
  }

  private static MediaItem image(int n, int item) {
    return MediaItem.image(
        "https://cdn.example/trial/" + n + "-" + item + ".jpg", "JPEG", 1080, 1350, 600_000);
  }
}
