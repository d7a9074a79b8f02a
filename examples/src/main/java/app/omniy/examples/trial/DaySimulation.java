package app.omniy.examples.trial;

import app.omniy.core.post.InMemoryPostStore;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostRejectedException;
import app.omniy.core.post.PostService;
import app.omniy.core.post.PostState;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.SuccessRate;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.testkit.FakeGraphApi;
import app.omniy.testkit.GraphFault;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One simulated day of Omniy on this machine: posts across accounts scheduled through {@link
 * PostService}, published by the real dispatcher ({@link ManualDispatcher}) through the real {@link
 * InstagramPublisher} to the test kit's {@link FakeGraphApi}, which injects faults at the given
 * rate. Single-threaded on a settable clock, so a day takes seconds and a seed repeats it.
 */
public final class DaySimulation {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final List<String> NOT_SIMULATED =
      List.of(
          "the rest of the month",
          "host traffic and external probes",
          "alerts and notifications",
          "incidents",
          "the SLA report and credits",
          "the status page");

  private DaySimulation() {}

  /** Runs the day; {@code progress} hears one line per simulated hour. */
  public static TrialResult run(TrialSettings settings, Consumer<String> progress) {
    LocalDate day = settings.month().atDay(1);
    Instant start = day.atStartOfDay(JST).toInstant();
    SettableClock clock = SettableClock.at(start, JST);
    SplittableRandom random = new SplittableRandom(settings.seed());
    try (FakeGraphApi api = FakeGraphApi.start(clock)) {
      InMemoryAccessTokens tokens = new InMemoryAccessTokens();
      List<String> accounts = new ArrayList<>();
      for (int i = 1; i <= settings.accounts(); i++) {
        String account = Long.toString(17_841_400_000_000_000L + i);
        String token = "IGQtrial-" + i;
        api.addAccount(account, token);
        tokens.put(account, new AccessToken(token, start.plus(Duration.ofDays(60))));
        accounts.add(account);
      }
      if (settings.faultRate() > 0) {
        api.randomFaults(
            settings.faultRate(),
            settings.seed(),
            GraphFault.SERVER_ERROR,
            GraphFault.RATE_LIMITED,
            GraphFault.CONNECTION_RESET,
            GraphFault.LOST_PUBLISH_RESPONSE);
      }
      InstagramPublisher publisher =
          InstagramPublisher.builder(
                  GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                      .baseUri(api.baseUri())
                      .requestTimeout(Duration.ofSeconds(5))
                      .build(),
                  tokens)
              .build();
      InMemoryPostStore store = new InMemoryPostStore();
      PostService service = new PostService(store, publisher, PostValidator.withDefaults(), clock);

      int rejected = 0;
      for (int n = 1; n <= settings.posts(); n++) {
        String account = accounts.get(random.nextInt(accounts.size()));
        Instant publishAt = start.plus(Duration.ofMinutes(20 + random.nextInt(22 * 60)));
        try {
          service.schedule(samplePost(n, account, publishAt, random));
        } catch (PostRejectedException e) {
          rejected++;
        }
      }

      ManualDispatcher dispatcher =
          ManualDispatcher.builder(store, publisher, clock)
              .seed(settings.seed())
              .step(Duration.ofSeconds(30))
              .build();
      for (int hour = 1; hour <= 26; hour++) {
        dispatcher.tick(Duration.ofHours(1));
        progress.accept("simulated hour " + hour + " of 26");
      }
      return result(day, settings.posts() - rejected, rejected, store, accounts, api);
    }
  }

  /** Images, carousels and reels; about one in twenty-five breaks a POST-2 limit on purpose. */
  private static Post samplePost(
      int n, String account, Instant publishAt, SplittableRandom random) {
    int kind = random.nextInt(100);
    Media media;
    if (kind < 70) {
      media = Media.image(image(n, 0));
    } else if (kind < 90) {
      List<MediaItem> items = new ArrayList<>();
      for (int i = 0; i < 2 + random.nextInt(3); i++) {
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
        .zone(JST)
        .build();
  }

  private static MediaItem image(int n, int item) {
    return MediaItem.image(
        "https://cdn.example/trial/" + n + "-" + item + ".jpg", "JPEG", 1080, 1350, 600_000);
  }

  private static TrialResult result(
      LocalDate day,
      int scheduled,
      int rejected,
      InMemoryPostStore store,
      List<String> accounts,
      FakeGraphApi api) {
    List<PostRecord> records = new ArrayList<>();
    for (String account : accounts) {
      records.addAll(store.findByAccount(account, EnumSet.allOf(PostState.class)));
    }
    Map<String, Long> failed = new TreeMap<>();
    int published = 0;
    int pending = 0;
    for (PostRecord r : records) {
      switch (r.state()) {
        case PUBLISHED -> published++;
        case FAILED, NEEDS_REAUTH, CANCELLED -> {
          String reason = r.lastTransition().map(t -> t.reasonCode()).orElse(r.state().name());
          failed.merge(reason, 1L, Long::sum);
        }
        default -> pending++;
      }
    }
    Map<String, Integer> faults = new TreeMap<>();
    api.faultsInjected().forEach((fault, count) -> faults.put(fault.name(), count));
    return new TrialResult(
        day,
        scheduled,
        rejected,
        published,
        failed,
        pending,
        api.containersPublishedMoreThanOnce().size(),
        SuccessRate.of(records),
        faults,
        NOT_SIMULATED);
  }
}
