package app.omniy.instagram;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.post.spi.StatusPollAdvice;
import app.omniy.instagram.internal.AccountThrottle;
import app.omniy.instagram.internal.ContainerRequests;
import app.omniy.instagram.internal.GraphIds;
import app.omniy.instagram.internal.GraphResponse;
import app.omniy.instagram.internal.Outcomes;
import app.omniy.instagram.internal.PublishAttempts;
import app.omniy.instagram.spi.AccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The core {@link Publisher} on the Instagram Graph API's content-publishing endpoints.
 *
 * <p>A post's {@code accountId} is the Instagram professional account's id ({@code ig-user-id}). An
 * image or a reel is one container; a carousel is one container per item, then the carousel's own,
 * whose id is returned. The dispatcher polls {@link #status} until {@code FINISHED}, stores the id,
 * then calls {@link #publish} once; after a lost answer it calls {@link #reconcile}, which asks the
 * container's {@code status_code} and never guesses a media id (POST-7). Results are classified by
 * Meta's error codes (POST-5); code 190 marks the account for re-authorisation. The highest usage
 * the API reports per account is the gauge {@code omniy.instagram.quota.usage} (ALERT-I2), and
 * calls are held back once it reaches {@code slowDownAt} percent, before Meta throttles.
 *
 * <pre>{@code
 * InstagramPublisher publisher = InstagramPublisher.builder(
 *         GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).build(), accessTokens)
 *     .meterRegistry(registry)
 *     .build();
 * }</pre>
 */
public final class InstagramPublisher implements Publisher {
  /**
   * Gauge of the highest API usage per account as a share of the limit, 0–1, tag {@code account}:
   * the meter ALERT-I2 reads ({@link MetricNames#INSTAGRAM_QUOTA_USAGE}).
   */
  public static final String USAGE_GAUGE = MetricNames.INSTAGRAM_QUOTA_USAGE;

  /** The result code of a call that got no answer: for a publish, its outcome is unknown. */
  public static final String NO_ANSWER = Outcomes.NO_ANSWER;

  private final GraphClient client;
  private final TokenSource tokens;
  private final MeterRegistry registry;
  private final int slowDownAt;
  private final Map<String, AccountThrottle> throttles = new ConcurrentHashMap<>();
  private final PublishAttempts attempts = new PublishAttempts();
  private final StatusPolling polling;
  private final Duration requestTimeout;

  private InstagramPublisher(Builder builder) {
    this.client = new GraphClient(builder.config, builder.http, new ObjectMapper());
    this.tokens =
        new TokenSource(
            builder.tokens,
            client,
            builder.config.flavour(),
            builder.refreshWindow,
            builder.appId,
            builder.appSecret);
    this.registry = Require.nonNull(builder.registry, "meterRegistry");
    this.slowDownAt = builder.slowDownAt;
    this.polling = builder.polling;
    this.requestTimeout = builder.config.requestTimeout();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The configuration's {@link GraphApiConfig#requestTimeout() request timeout}: a publish is
   * one {@code media_publish} request, never retried in the call (it is not idempotent) and made
   * without refreshing the token first (a token close to expiry is still valid, and the next call
   * refreshes it). The JDK's HTTP client counts connecting and waiting for the response's headers
   * against that timeout; the clock-skew margin the lease keeps beyond it covers reading the short
   * answer and looking the token up in the host's {@code AccessTokens}. With the default 30 s the
   * default 2 min lease fits; a lease below {@code 2 × requestTimeout + maxClockSkew} is refused
   * when the dispatcher is built (POST-7, POST-8).
   */
  @Override
  public Optional<Duration> maxPublishDuration() {
    return Optional.of(requestTimeout);
  }

  /** The Graph API client's circuit breaker (opened by I/O errors and 5xx, POST-5). */
  @Override
  public Optional<CircuitState> circuit() {
    return Optional.of(client.circuit());
  }

  /** Polls on the builder's {@link StatusPolling}; gives up once it says so. */
  @Override
  public Optional<StatusPollAdvice> statusPolling(int pollsSoFar, Duration inProgressFor) {
    return Optional.of(
        polling
            .nextPoll(pollsSoFar, inProgressFor)
            .map(StatusPollAdvice::after)
            .orElse(StatusPollAdvice.giveUp()));
  }

  /**
   * A builder for a publisher on {@code config}'s API, with tokens from {@code tokens}.
   *
   * @throws InvalidValueException if either is missing
   */
  public static Builder builder(GraphApiConfig config, AccessTokens tokens) {
    return new Builder(config, tokens);
  }

  @Override
  public PublisherResult<String> createContainer(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    String account = GraphIds.require(post.accountId(), "accountId");
    Media media = post.media();
    if (media instanceof Media.Carousel carousel) {
      List<String> children = new ArrayList<>();
      for (MediaItem item : carousel.items()) {
        PublisherResult<String> child = create(account, ContainerRequests.carouselItem(item), now);
        if (!child.isSuccess()) {
          return child;
        }
        children.add(child.result().orElseThrow());
      }
      return create(account, ContainerRequests.carousel(post, children), now);
    }
    if (media instanceof Media.Reel reel) {
      return create(account, ContainerRequests.reel(post, reel.video()), now);
    }
    return create(account, ContainerRequests.image(post, ((Media.Image) media).item()), now);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code ERROR} and {@code EXPIRED} come back as failures carrying Meta's {@code status} text
   * (with its error subcode): {@code EXPIRED} and unexplained errors need a new container, a
   * subcode that blames the media (such as 2207026, video format) is the user's.
   */
  @Override
  public PublisherResult<ContainerStatus> status(
      String accountId, String containerId, Instant now) {
    require(accountId, containerId, now);
    PublisherResult<StatusAnswer> answer = statusAnswer(accountId, containerId, now);
    if (!answer.isSuccess()) {
      return PublisherResult.failure(answer.outcome(), answer.code(), answer.message());
    }
    StatusAnswer status = answer.result().orElseThrow();
    return switch (status.code()) {
      case ERROR ->
          PublisherResult.failure(
              Outcomes.containerError(status.text()),
              "container-error",
              "container " + containerId + " failed: " + status.text());
      case EXPIRED ->
          PublisherResult.failure(
              OutcomeClass.NEW_CONTAINER,
              "container-expired",
              "container " + containerId + " expired: " + status.text());
      default -> PublisherResult.success(status.code());
    };
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sent exactly once. A {@link OutcomeClass#TRANSIENT} result (no answer, code {@code
   * no-answer}, or a 5xx) means the outcome is unknown: the caller must {@link #reconcile} before
   * anything else, and a second publish of the container is refused until it has.
   */
  @Override
  public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
    require(accountId, containerId, now);
    if (!attempts.begin(containerId)) {
      return PublisherResult.failure(
          OutcomeClass.PERMANENT,
          "already-attempted",
          "a publish was already sent for container " + containerId + "; reconcile it instead");
    }
    PublisherResult<String> result =
        call(
            accountId,
            now,
            false, // one request, so its duration is one request timeout (maxPublishDuration)
            token ->
                client.post(
                    accountId + "/media_publish", Map.of("creation_id", containerId), token),
            body -> GraphIds.fromAnswer(body.path("id").asText(null)));
    if (!result.isSuccess() && result.outcome() != OutcomeClass.TRANSIENT) {
      // A 4xx refusal: nothing went out, so a later attempt may publish. After no answer or a 5xx
      // the post may have gone out: only a reconciliation clears the container.
      attempts.clear(containerId);
    }
    return result;
  }

  @Override
  public PublisherResult<Reconciliation> reconcile(
      String accountId, String containerId, Instant now) {
    require(accountId, containerId, now);
    PublisherResult<StatusAnswer> status = statusAnswer(accountId, containerId, now);
    if (!status.isSuccess()) {
      return PublisherResult.failure(status.outcome(), status.code(), status.message());
    }
    Reconciliation outcome =
        switch (status.result().orElseThrow().code()) {
          case PUBLISHED -> Reconciliation.PUBLISHED;
          case IN_PROGRESS, FINISHED -> Reconciliation.NOT_PUBLISHED;
          case ERROR, EXPIRED -> Reconciliation.CONTAINER_EXPIRED;
        };
    if (outcome != Reconciliation.PUBLISHED) {
      attempts.clear(containerId);
    }
    return PublisherResult.success(outcome);
  }

  /**
   * Posts the first comment on a published media. Only with a media id that {@link #publish}
   * returned: after a lost publish answer there is none, and the comment is skipped rather than put
   * on a guessed media.
   */
  @Override
  public PublisherResult<String> comment(
      String accountId, String mediaId, String text, Instant now) {
    require(accountId, "mediaId", mediaId, now);
    if (text == null || text.isBlank()) {
      throw new InvalidValueException("text", text, "must not be blank");
    }
    return call(
        accountId,
        now,
        token -> client.post(mediaId + "/comments", Map.of("message", text), token),
        body -> GraphIds.fromAnswer(body.path("id").asText(null)));
  }

  /** The account's live quota from {@code content_publishing_limit} (POST-3). */
  public PublisherResult<PublishingLimit> publishingLimit(String accountId, Instant now) {
    GraphIds.require(accountId, "accountId");
    return call(
        accountId,
        now,
        token ->
            client.get(
                accountId + "/content_publishing_limit",
                Map.of("fields", "quota_usage,config"),
                token),
        body -> {
          JsonNode entry = body.path("data").path(0);
          if (!entry.has("config")) {
            return null;
          }
          return new PublishingLimit(
              entry.path("quota_usage").asInt(),
              entry.path("config").path("quota_total").asInt(),
              Duration.ofSeconds(entry.path("config").path("quota_duration").asLong(86_400)));
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The {@code quota_total} of {@link #publishingLimit}, when that call succeeds with a positive
   * one; the dispatcher keeps its own rolling window of the policy's length.
   */
  @Override
  public OptionalInt publishLimit(String accountId, Instant now) {
    PublisherResult<PublishingLimit> limit = publishingLimit(accountId, now);
    PublishingLimit read = limit.isSuccess() ? limit.value() : null;
    return read != null && read.total() > 0 ? OptionalInt.of(read.total()) : OptionalInt.empty();
  }

  /** The highest usage percentage the API last reported for the account (0 when unknown). */
  public int usagePercent(String accountId) {
    return throttle(accountId).usagePercent().get();
  }

  private PublisherResult<ContainerStatus> statusOrBroken(
      String accountId, String containerId, Instant now) {
    return status(accountId, containerId, now);
  }

  private static void require(String accountId, String containerId, Instant now) {
    require(accountId, "containerId", containerId, now);
  }

  private static void require(String accountId, String idField, String id, Instant now) {
    GraphIds.require(accountId, "accountId");
    GraphIds.require(id, idField);
    Require.nonNull(now, "now");
  }

  private PublisherResult<String> create(
      String accountId, Map<String, String> params, Instant now) {
    return call(
        accountId,
        now,
        token -> client.post(accountId + "/media", params, token),
        body -> GraphIds.fromAnswer(body.path("id").asText(null)));
  }

  private PublisherResult<StatusAnswer> statusAnswer(
      String accountId, String containerId, Instant now) {
    return call(
        accountId,
        now,
        token -> client.get(containerId, Map.of("fields", "status_code,status"), token),
        InstagramPublisher::statusAnswer);
  }

  private static @Nullable StatusAnswer statusAnswer(JsonNode body) {
    try {
      return new StatusAnswer(
          ContainerStatus.valueOf(body.path("status_code").asText("")),
          body.path("status").asText(""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A container's {@code status_code} and the {@code status} text beside it. */
  private record StatusAnswer(ContainerStatus code, String text) {}

  /** Token, hold-back, the call, usage bookkeeping and classification, for every endpoint. */
  private <T> PublisherResult<T> call(
      String accountId,
      Instant now,
      Function<String, GraphResponse> request,
      Function<JsonNode, @Nullable T> extract) {
    return call(accountId, now, true, request, extract);
  }

  /**
   * {@link #call(String, Instant, Function, Function)}, refreshing a token close to expiry first
   * only if {@code mayRefresh}.
   */
  private <T> PublisherResult<T> call(
      String accountId,
      Instant now,
      boolean mayRefresh,
      Function<String, GraphResponse> request,
      Function<JsonNode, @Nullable T> extract) {
    AccountThrottle throttle = throttle(accountId);
    Duration held = throttle.heldFor(now);
    if (!held.isZero()) {
      return PublisherResult.throttled(
          OutcomeClass.RATE_LIMITED,
          "usage",
          "held back: the account's API usage is near Meta's limit",
          held);
    }
    TokenSource.Result token = tokens.tokenFor(accountId, now, mayRefresh);
    if (token.token() == null) {
      @SuppressWarnings("unchecked") // a failure carries no value, whatever its type parameter
      PublisherResult<T> failure = (PublisherResult<T>) token.failure();
      return failure;
    }
    GraphResponse response = request.apply(token.token());
    throttle.record(response.usage(), now, slowDownAt, Duration.ofMinutes(5));
    if (response instanceof GraphResponse.Ok ok) {
      T value = extract.apply(ok.body());
      return value == null
          ? PublisherResult.failure(
              OutcomeClass.TRANSIENT, "bad-answer", "unexpected answer: " + ok.body())
          : PublisherResult.success(value);
    }
    PublisherResult<T> failure = Outcomes.failure(response);
    if (failure.outcome() == OutcomeClass.AUTH) {
      tokens.refused(accountId, failure.message());
    } else if (failure.outcome() == OutcomeClass.RATE_LIMITED) {
      throttle.hold(now.plus(failure.statedWait().orElse(Duration.ofMinutes(1))));
    }
    return failure;
  }

  private AccountThrottle throttle(String accountId) {
    return throttles.computeIfAbsent(
        accountId,
        id -> {
          AccountThrottle throttle = new AccountThrottle();
          Gauge.builder(USAGE_GAUGE, throttle.usagePercent(), percent -> percent.get() / 100.0)
              .tag("account", id)
              .description("Highest Instagram API usage the API reported, 0-1 (ALERT-I2)")
              .register(registry);
          return throttle;
        });
  }

  /** Builds an {@link InstagramPublisher}; values are checked in {@link #build()}. */
  public static final class Builder {
    private final GraphApiConfig config;
    private final AccessTokens tokens;
    private HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private @Nullable MeterRegistry registry;
    private Duration refreshWindow = Duration.ofDays(7);
    private int slowDownAt = 90;
    private @Nullable String appId;
    private @Nullable String appSecret;
    private StatusPolling polling = StatusPolling.DEFAULT;

    private Builder(GraphApiConfig config, AccessTokens tokens) {
      Require.nonNull(config, "config");
      Require.nonNull(tokens, "tokens");
      this.config = config;
      this.tokens = tokens;
    }

    /**
     * How often a container still processing is polled, and when it is given up for a new one
     * (default {@link StatusPolling#DEFAULT}); the dispatcher waits between polls without holding a
     * worker.
     */
    public Builder statusPolling(StatusPolling value) {
      Require.nonNull(value, "statusPolling");
      this.polling = value;
      return this;
    }

    /** The HTTP client to use (default: a new one with a 10 s connect timeout). */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    /**
     * Where the usage gauge goes: the registry the {@code Omniy} runtime's alert engine reads, so
     * ALERT-I2 sees every account. Required: {@link #build()} refuses to count nowhere.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Require.nonNull(registry, "meterRegistry");
      return this;
    }

    /** Refresh a long-lived token this long before it expires (default 7 days). */
    public Builder refreshWindow(Duration window) {
      this.refreshWindow = window;
      return this;
    }

    /** Hold calls back once the API reports this usage percentage (default 90, 1–100). */
    public Builder slowDownAt(int percent) {
      this.slowDownAt = percent;
      return this;
    }

    /** The Facebook app's id and secret, needed to refresh Facebook Login tokens. */
    public Builder facebookApp(String appId, String appSecret) {
      this.appId = appId;
      this.appSecret = appSecret;
      return this;
    }

    /**
     * @throws InvalidValueException naming the setting that is missing or out of range
     */
    public InstagramPublisher build() {
      Require.nonNull(http, "httpClient");
      if (registry == null) {
        // No default: a gauge where no rule looks leaves ALERT-I2 reading "no data" forever.
        throw new InvalidValueException(
            "meterRegistry", null, "is required: the registry the alert engine reads (ALERT-I2)");
      }
      if (refreshWindow == null || refreshWindow.isNegative()) {
        throw new InvalidValueException("refreshWindow", refreshWindow, "must be zero or positive");
      }
      if (slowDownAt < 1 || slowDownAt > 100) {
        throw new InvalidValueException("slowDownAt", slowDownAt, "must be 1 to 100");
      }
      if ((appId == null) != (appSecret == null) || (appId != null && appId.isBlank())) {
        throw new InvalidValueException("facebookApp", appId, "needs both an app id and a secret");
      }
      return new InstagramPublisher(this);
    }
  }
}
