package app.omniy.testkit;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatched;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The dispatcher for host applications' own tests: the same {@link Dispatcher} rules the runtime
 * applies, run on the calling thread, on a {@link SettableClock}, so a test decides when time
 * passes and gets the same result every run (the retry jitter comes from a seeded generator).
 *
 * <pre>{@code
 * var clock = SettableClock.at(Instant.parse("2026-04-01T00:00:00Z"));
 * var dispatcher = ManualDispatcher.builder(store, publisher, clock).build();
 * dispatcher.tick(Duration.ofMinutes(30)); // moves the clock, publishing whatever falls due
 * }</pre>
 */
public final class ManualDispatcher {
  private final Dispatcher dispatcher;
  private final SettableClock clock;
  private final int batchSize;
  private final Duration step;
  private final List<Dispatched> history = new ArrayList<>();

  private ManualDispatcher(Builder b) {
    this.clock = b.clock;
    this.batchSize = b.batchSize;
    this.step = b.step;
    this.dispatcher = new Dispatcher(b.store, b.publisher, b.settings, b.listener, b.random);
  }

  /** A builder for a dispatcher over {@code store} and {@code publisher} on {@code clock}. */
  public static Builder builder(PostStore store, Publisher publisher, SettableClock clock) {
    return new Builder(store, publisher, clock);
  }

  /** The dispatcher underneath, e.g. to {@link Dispatcher#pause} it or mark an account. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The clock. */
  public SettableClock clock() {
    return clock;
  }

  /**
   * Runs everything due at the clock's current instant, without moving it: recovers posts whose
   * worker's lease expired, raises re-authorisation warnings, then claims and processes due posts
   * until none is left; each post is attempted at most once per call (a retry due at once waits for
   * the next call).
   *
   * @return what was processed, in order
   */
  public List<Dispatched> runDue() {
    Instant now = clock.instant();
    dispatcher.recoverExpired(now, Integer.MAX_VALUE);
    dispatcher.warnReauth(now);
    List<Dispatched> done = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (PostRecord r : dispatcher.claim(clock.instant(), batchSize)) {
        if (seen.add(r.id())) {
          done.add(dispatcher.process(r, clock));
          progress = true;
        } else {
          // Due again at the same instant (a zero wait): its next run is the next step, so a
          // publisher that always asks for no wait cannot make this loop forever.
          dispatcher.release(r, clock.instant());
        }
      }
    }
    history.addAll(done);
    return done;
  }

  /**
   * Moves the clock forward by {@code amount} in steps of the builder's {@link Builder#step},
   * running what is due after each step, so that retries and deferrals inside the interval happen
   * at their time (give or take one step).
   *
   * @return what was processed, in order
   * @throws InvalidValueException if {@code amount} is missing or negative
   */
  public List<Dispatched> tick(Duration amount) {
    if (amount == null || amount.isNegative()) {
      throw new InvalidValueException("amount", amount, "must be zero or positive");
    }
    Instant end = clock.instant().plus(amount);
    List<Dispatched> done = new ArrayList<>(runDue());
    while (clock.instant().isBefore(end)) {
      Instant next = clock.instant().plus(step);
      clock.set(next.isAfter(end) ? end : next);
      done.addAll(runDue());
    }
    return done;
  }

  /** Everything processed since this dispatcher was built, in order. */
  public List<Dispatched> history() {
    return List.copyOf(history);
  }

  /** Builds a {@link ManualDispatcher}; every setting has a default. */
  public static final class Builder {
    private final PostStore store;
    private final Publisher publisher;
    private final SettableClock clock;
    private DispatchSettings settings = DispatchSettings.defaults("manual-dispatcher");
    private DispatchListener listener = DispatchListener.NONE;
    private SplittableRandom random = new SplittableRandom(8);
    private int batchSize = 100;
    private Duration step = Duration.ofSeconds(1);

    private Builder(PostStore store, Publisher publisher, SettableClock clock) {
      this.store = required(store, "store");
      this.publisher = required(publisher, "publisher");
      this.clock = required(clock, "clock");
    }

    /** Lease, retry and quota settings (default {@link DispatchSettings#defaults}). */
    public Builder settings(DispatchSettings value) {
      this.settings = required(value, "settings");
      return this;
    }

    /** Host callbacks (default none). */
    public Builder listener(DispatchListener value) {
      this.listener = required(value, "listener");
      return this;
    }

    /** The seed of the retry jitter (default 8). */
    public Builder seed(long seed) {
      this.random = new SplittableRandom(seed);
      return this;
    }

    /** Posts claimed at once (default 100). */
    public Builder batchSize(int value) {
      if (value < 1) {
        throw new InvalidValueException("batchSize", value, "must be at least 1");
      }
      this.batchSize = value;
      return this;
    }

    /** How far {@link ManualDispatcher#tick} moves the clock between runs (default 1 s). */
    public Builder step(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidValueException("step", value, "must be positive");
      }
      this.step = value;
      return this;
    }

    /** The dispatcher. */
    public ManualDispatcher build() {
      return new ManualDispatcher(this);
    }

    private static <T> T required(T value, String field) {
      if (value == null) {
        throw new InvalidValueException(field, null, "is required");
      }
      return value;
    }
  }
}
