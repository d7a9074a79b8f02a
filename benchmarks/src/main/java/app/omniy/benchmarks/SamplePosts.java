package app.omniy.benchmarks;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic pending posts for the store benchmarks: single images (the commonest post), spread over
 * {@link #ACCOUNTS} accounts and over the 75-day scheduling horizon, one every few seconds.
 */
final class SamplePosts {
  static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  static final int ACCOUNTS = 1_000;
  static final Duration HORIZON = Duration.ofDays(75);
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private SamplePosts() {}

  /** The account ids, shared by all posts as a host's account table would share them. */
  static List<String> accounts() {
    List<String> accounts = new ArrayList<>(ACCOUNTS);
    for (int a = 0; a < ACCOUNTS; a++) {
      accounts.add("account-" + a);
    }
    return accounts;
  }

  /** The {@code i}-th of {@code n} posts, due at {@code T0 + i × horizon / n}. */
  static Post post(int i, int n, List<String> accounts) {
    long stepMillis = HORIZON.toMillis() / n;
    return Post.builder(id(i), accounts.get(i % accounts.size()))
        .media(Media.image(MediaItem.image(url(i), "JPEG", 1080, 1350, 512_000)))
        .caption(caption(i))
        .publishAt(T0.plusMillis(stepMillis * i))
        .zone(TOKYO)
        .build();
  }

  /** When the first {@code k} of {@code n} posts are due. */
  static Instant dueAfter(int k, int n) {
    return T0.plusMillis(HORIZON.toMillis() / n * (k - 1));
  }

  static String id(int i) {
    return String.format("post-%07d", i);
  }

  static String url(int i) {
    return String.format("https://cdn.example/media/%07d.jpg", i);
  }

  static String caption(int i) {
    return "Spring sale, day " + i + " #omniy";
  }
}
