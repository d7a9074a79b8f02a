package app.omniy.core.post.spi;

import app.omniy.core.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The content-publishing calls the dispatcher makes, implemented by the Instagram adapter (and by
 * {@code ScriptedPublisher} in tests). Every call returns a classified {@link PublisherResult}
 * rather than throwing for API errors; it throws only for programming errors (missing arguments).
 *
 * <p>Exactly once (POST-7): the dispatcher stores the id {@link #createContainer} returns before it
 * calls {@link #publish}, and after a crash or a lost response it calls {@link #reconcile} instead
 * of publishing again. Implementations must make {@code reconcile} answer from the container's
 * {@code status_code}, never by guessing from the account's latest media.
 */
public interface Publisher {

  /**
   * Creates the media container(s) for {@code post}: for a carousel, one per item and the
   * carousel's own, whose id is returned.
   */
  PublisherResult<String> createContainer(Post post, Instant now);

  /** The container's processing status; poll until {@link ContainerStatus#FINISHED}. */
  PublisherResult<ContainerStatus> status(String accountId, String containerId, Instant now);

  /**
   * Publishes a finished container ({@code media_publish}); the value is the published media's id.
   * Not idempotent: never call it twice for one container.
   */
  PublisherResult<String> publish(String accountId, String containerId, Instant now);

  /** Finds out whether the container of an attempt with an unknown outcome was published. */
  PublisherResult<Reconciliation> reconcile(String accountId, String containerId, Instant now);

  /**
   * Posts a post's first comment (POST-1) on the media {@link #publish} returned. Never called with
   * a guessed media id: after a lost publish answer there is none, and the comment is skipped and
   * reported instead. The default, for publishers without comments, refuses as {@link
   * app.omniy.core.post.spi.OutcomeClass#PERMANENT}.
   */
  default PublisherResult<String> comment(
      String accountId, String mediaId, String text, Instant now) {
    return PublisherResult.failure(
        app.omniy.core.post.spi.OutcomeClass.PERMANENT,
        "unsupported",
        getClass().getSimpleName() + " cannot post comments");
  }

  /**
   * The cadence of status polls for a container still processing: the dispatcher asks after {@link
   * #status} answered {@code IN_PROGRESS} for the {@code pollsSoFar}-th time in a row, the first of
   * those {@code inProgressFor} ago. Each poll is its own short attempt that holds no worker thread
   * during the wait: the post waits in RETRY_WAIT until the advised time, and such polls never use
   * up attempts (POST-5). The default, empty, leaves the wait to the retry policy's backoff; the
   * Instagram adapter follows its {@code StatusPolling}.
   */
  default Optional<StatusPollAdvice> statusPolling(int pollsSoFar, Duration inProgressFor) {
    return Optional.empty();
  }

  /**
   * The longest one call of {@link #publish} can take, from the dispatcher's call until it returns:
   * its request timeout, plus any in-call retries and their backoff; empty (the default) when
   * unknown. A publish still running when its worker's lease expires can be published a second time
   * by the worker that takes the post over, so the dispatcher refuses a lease shorter than twice
   * this plus the workers' clock skew ({@code DispatchSettings.requireLeaseFits}) and renews the
   * lease before each call so that enough of it is left (POST-7, POST-8). The other calls may take
   * longer: what they return is written with the lease token, so a worker whose lease expired
   * meanwhile is fenced before it can publish. For an unknown duration nothing is checked, and the
   * lease is renewed once half of it (less the skew margin) is used.
   */
  default Optional<Duration> maxPublishDuration() {
    return Optional.empty();
  }

  /**
   * The state of the publisher's circuit breaker toward its API host, for the runtime's health
   * check; empty (the default) for a publisher without one, whose health the runtime judges by its
   * back-pressure alone.
   */
  default Optional<CircuitState> circuit() {
    return Optional.empty();
  }

  /**
   * The account's live publishing limit per rolling window (POST-3: Instagram's {@code
   * content_publishing_limit} {@code quota_total}), or empty when it cannot be read now. The
   * dispatcher asks once per account when it first meets the account and then at most once an hour,
   * keeping the last answer it got; until the first answer it uses its {@code QuotaPolicy}'s
   * default. Like every call here it must not throw for API errors. The default, empty, is for
   * publishers without a live limit.
   */
  default OptionalInt publishLimit(String accountId, Instant now) {
    return OptionalInt.empty();
  }
}
