package app.omniy.runtime;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.sla.PostSuccessRate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The dispatcher's meters, under the core's {@link MetricNames} (the names the default alert rules
 * read; ALERT-6): attempts by outcome ({@code omniy.post.attempts}, ALERT-C4), published, failed
 * and deferred by reason, lateness, the running success ratio (POST-9), in-flight attempts, the
 * back-pressure limit and the pause switch. It hears the dispatcher as a {@link DispatchListener}
 * and registers through {@link MeterBinder}, so the core never sees Micrometer.
 */
public final class OmniyMetrics implements MeterBinder, DispatchListener {
  /** The window the lateness percentiles cover. */
  static final Duration LATENESS_WINDOW = Duration.ofMinutes(2);

  private final IntSupplier inFlight;
  private final IntSupplier claimLimit;
  private final IntSupplier paused;

  /**
   * The success ratio's two counts (POST-9), as adders: one shared immutable tally replaced on
   * every outcome made both workers retry their compare-and-set and allocated once per post.
   */
  private final LongAdder published = new LongAdder();

  private final LongAdder failedAgainstService = new LongAdder();
  private volatile @Nullable MeterRegistry registry;
  private volatile @Nullable Timer lateness;

  // Bound once: a registry lookup per event (building the id and its tags) cost a profiled 4% of
  // dispatch time at 100,000 posts/s.
  private volatile @Nullable Counter attemptsSucceeded;
  private volatile @Nullable Counter attemptsFailed;
  private volatile @Nullable Counter postsPublished;
  private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

  /**
   * @param inFlight attempts running now
   * @param claimLimit the back-pressure limit now
   * @param paused 1 while paused, else 0
   */
  public OmniyMetrics(IntSupplier inFlight, IntSupplier claimLimit, IntSupplier paused) {
    this.inFlight = inFlight;
    this.claimLimit = claimLimit;
    this.paused = paused;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    this.registry = meters;
    this.lateness =
        Timer.builder(MetricNames.DISPATCH_LATENESS)
            .description("first attempt's start minus its publish time")
            .publishPercentiles(0.5, 0.99)
            // One histogram over a 2-minute window rather than Micrometer's default ring of three:
            // every first attempt records here, and three recordings a post were a profiled 13% of
            // dispatch time. The percentiles then cover the current window only.
            .distributionStatisticExpiry(LATENESS_WINDOW)
            .distributionStatisticBufferLength(1)
            .register(meters);
    Gauge.builder(MetricNames.POSTS_SUCCESS_RATIO, this, OmniyMetrics::successRatio)
        .description("published / (published + failed against the service), POST-9")
        .register(meters);
    Gauge.builder(MetricNames.DISPATCH_IN_FLIGHT, inFlight, IntSupplier::getAsInt).register(meters);
    Gauge.builder(MetricNames.DISPATCH_CLAIM_LIMIT, claimLimit, IntSupplier::getAsInt)
        .register(meters);
    Gauge.builder(MetricNames.DISPATCH_PAUSED, paused, IntSupplier::getAsInt).register(meters);
    byReason.clear();
    this.attemptsSucceeded =
        Counter.builder(MetricNames.POST_ATTEMPTS)
            .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
            .register(meters);
    this.attemptsFailed =
        Counter.builder(MetricNames.POST_ATTEMPTS)
            .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE)
            .register(meters);
    this.postsPublished = Counter.builder(MetricNames.POSTS_PUBLISHED).register(meters);
  }

  /** The success ratio so far, 0–1; 1 before any final outcome. */
  public double successRatio() {
    long ok = published.sum();
    long denominator = ok + failedAgainstService.sum();
    return denominator == 0 ? 1.0 : (double) ok / denominator;
  }

  /** Counts a final outcome as {@link PostSuccessRate} classifies it. */
  private void tally(PostRecord post) {
    PostSuccessRate one = PostSuccessRate.EMPTY.plus(post);
    published.add(one.published());
    failedAgainstService.add(one.failedAgainstUs());
  }

  @Override
  public void attemptStarted(PostRecord post, Duration late) {
    Timer t = lateness;
    if (t != null && post.attempt() == 1) {
      t.record(late);
    }
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    Counter c = outcome == OutcomeClass.SUCCESS ? attemptsSucceeded : attemptsFailed;
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    published.increment();
    Counter c = postsPublished;
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void failed(PostRecord post, String reason) {
    tally(post);
    count(MetricNames.POSTS_FAILED, MetricNames.TAG_REASON, code(post));
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    count(MetricNames.POSTS_DEFERRED, MetricNames.TAG_REASON, code(post));
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    tally(post);
    MeterRegistry meters = registry;
    if (meters != null) {
      meters.counter(MetricNames.POSTS_NEEDS_REAUTH).increment();
    }
  }

  private static String code(PostRecord post) {
    return post.lastTransition().map(Transition::reasonCode).orElse("UNKNOWN");
  }

  private void count(String name, String tag, String value) {
    MeterRegistry meters = registry;
    if (meters != null) {
      byReason
          .computeIfAbsent(name + '\u0000' + value, k -> meters.counter(name, tag, value))
          .increment();
    }
  }
}
