package app.omniy.testkit.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The content-publishing protocol of the Graph API, kept in memory: accounts and tokens, containers
 * and their processing, publishing with the rolling quotas, first comments and token refresh. Every
 * method is atomic under one lock; the HTTP layer around it adds faults.
 */
final class GraphState {
  /** Real IG user ids are 17 digits; the fake's look alike so parsers are exercised. */
  private static final long FIRST_ID = 17_900_000_000_000_000L;

  private final Clock clock;
  private final AtomicLong ids = new AtomicLong(FIRST_ID);
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, String> mediaToAccount = new HashMap<>();
  private final List<String> comments = new ArrayList<>();
  private Duration videoProcessingTime = Duration.ofSeconds(30);
  private int defaultPublishQuota = 50;
  private int containerQuota = 400;
  private int callsPerHour = 4_800;
  private @Nullable String facebookAppId;
  private @Nullable String facebookAppSecret;

  public GraphState(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  // --- configuration and inspection, used by FakeGraphApi ---------------------------------

  public synchronized void addAccount(String accountId, String token) {
    Account existing = accounts.get(accountId);
    if (existing != null) {
      existing.tokens.add(token);
      existing.tokenExpired = false;
    } else {
      accounts.put(accountId, new Account(accountId, token, defaultPublishQuota));
    }
  }

  public synchronized void setFacebookApp(String appId, String appSecret) {
    this.facebookAppId = appId;
    this.facebookAppSecret = appSecret;
  }

  public synchronized void expireToken(String accountId) {
    account(accountId).tokenExpired = true;
  }

  public synchronized void setPublishQuota(String accountId, int quota) {
    account(accountId).publishQuota = quota;
  }

  public synchronized void setDefaultPublishQuota(int quota) {
    defaultPublishQuota = quota;
  }

  public synchronized void setContainerQuota(int quota) {
    containerQuota = quota;
  }

  public synchronized void setCallsPerHour(int calls) {
    callsPerHour = calls;
  }

  public synchronized void setVideoProcessingTime(Duration time) {
    videoProcessingTime = time;
  }

  public synchronized void failProcessing(String containerId, int subcode) {
    Container container = containers.get(containerId);
    if (container == null) {
      throw new IllegalArgumentException("no container " + containerId);
    }
    container.errorSubcode = subcode;
  }

  public synchronized int publishCount(String containerId) {
    Container container = containers.get(containerId);
    return container == null ? 0 : container.publishCount;
  }

  public synchronized List<String> containerIds(String accountId) {
    return containers.values().stream()
        .filter(c -> c.accountId.equals(accountId) && !c.carouselItem)
        .map(c -> c.id)
        .toList();
  }

  public synchronized int publishedMedia(String accountId) {
    return containers.values().stream()
        .filter(c -> c.accountId.equals(accountId))
        .mapToInt(c -> c.publishCount)
        .sum();
  }

  public synchronized List<String> containersPublishedMoreThanOnce() {
    return containers.values().stream().filter(c -> c.publishCount > 1).map(c -> c.id).toList();
  }

  public synchronized int totalPublishes() {
    return containers.values().stream().mapToInt(c -> c.publishCount).sum();
  }

  public synchronized List<String> comments() {
    return List.copyOf(comments);
  }

  // --- the protocol -------------------------------------------------------------------------

  /** Resolves the token to its account, counts the call and checks the hourly call budget. */
  synchronized Optional<GraphError> authorize(@Nullable String token, @Nullable String accountId) {
    Account account = token == null ? null : accountByToken(token);
    if (account == null || (accountId != null && !accountId.equals(account.id))) {
      return Optional.of(GraphError.invalidToken());
    }
    if (account.tokenExpired) {
      return Optional.of(GraphError.expiredToken());
    }
    Instant now = now();
    if (account.callsInLastHour(now) >= callsPerHour) {
      return Optional.of(GraphError.throttled());
    }
    account.calls.addLast(now);
    return Optional.empty();
  }

  /** Usage percentages for the headers: call count against the hourly budget, 0–100. */
  synchronized int usagePercent(@Nullable String token) {
    Account account = token == null ? null : accountByToken(token);
    if (account == null) {
      return 0;
    }
    return (int) Math.min(100, account.callsInLastHour(now()) * 100L / Math.max(1, callsPerHour));
  }

  synchronized long minutesToRegainAccess(@Nullable String token) {
    Account account = token == null ? null : accountByToken(token);
    if (account == null || account.callsInLastHour(now()) < callsPerHour) {
      return 0;
    }
    return Math.max(1, (account.timeToRegainAccess(now()).toSeconds() + 59) / 60);
  }

  synchronized @Nullable String accountIdOf(@Nullable String token) {
    Account account = token == null ? null : accountByToken(token);
    return account == null ? null : account.id;
  }

  synchronized Reply createContainer(String accountId, Map<String, String> params, String trace) {
    Account account = account(accountId);
    Instant now = now();
    if (account.containersInLastDay(now) >= containerQuota) {
      return Reply.error(GraphError.containerLimit(), trace);
    }
    String mediaType = params.getOrDefault("media_type", "");
    boolean carouselItem = Boolean.parseBoolean(params.getOrDefault("is_carousel_item", "false"));
    Container container;
    switch (mediaType) {
      case "CAROUSEL" -> {
        List<Container> children = new ArrayList<>();
        for (String childId : params.getOrDefault("children", "").split(",")) {
          Container child = containers.get(childId.strip());
          if (child == null || !child.accountId.equals(accountId) || !child.carouselItem) {
            return Reply.error(GraphError.invalidParameter("Invalid children: " + childId), trace);
          }
          children.add(child);
        }
        if (children.size() < 2 || children.size() > 10) {
          return Reply.error(
              new GraphError(
                  400, "OAuthException", 100, 2207028, false, "Carousel must have 2 to 10 items"),
              trace);
        }
        container =
            newContainer(accountId, Container.Kind.CAROUSEL, children, false, Duration.ZERO);
      }
      case "REELS", "VIDEO", "STORIES" -> {
        if (!params.containsKey("video_url") && !params.containsKey("image_url")) {
          return Reply.error(GraphError.invalidParameter("video_url is required"), trace);
        }
        boolean video = params.containsKey("video_url");
        container =
            newContainer(
                accountId,
                video ? Container.Kind.VIDEO : Container.Kind.IMAGE,
                List.of(),
                carouselItem,
                video ? videoProcessingTime : Duration.ZERO);
      }
      case "" -> {
        if (!params.containsKey("image_url")) {
          return Reply.error(GraphError.invalidParameter("image_url is required"), trace);
        }
        container =
            newContainer(accountId, Container.Kind.IMAGE, List.of(), carouselItem, Duration.ZERO);
      }
      default -> {
        return Reply.error(
            new GraphError(
                400, "OAuthException", 100, 2207023, false, "Unknown media type: " + mediaType),
            trace);
      }
    }
    account.containersCreated.addLast(now);
    return Reply.ok(Json.object().put("id", container.id));
  }

  synchronized Reply containerStatus(String containerId, String trace) {
    Container container = containers.get(containerId);
    if (container == null) {
      return Reply.error(
          GraphError.invalidParameter(
              "Unsupported get request. Object with ID '" + containerId + "' does not exist"),
          trace);
    }
    Instant now = now();
    return Reply.ok(
        Json.object()
            .put("status_code", container.statusCode(now))
            .put("status", container.status(now))
            .put("id", container.id));
  }

  /** Publishes; a container already published goes out again, so a double publish is visible. */
  synchronized Reply publish(String accountId, Map<String, String> params, String trace) {
    Account account = account(accountId);
    Container container = containers.get(params.getOrDefault("creation_id", ""));
    if (container == null || !container.accountId.equals(accountId) || container.carouselItem) {
      return Reply.error(GraphError.invalidParameter("Invalid creation_id"), trace);
    }
    Instant now = now();
    String status = container.statusCode(now);
    switch (status) {
      case "IN_PROGRESS" -> {
        return Reply.error(GraphError.notReady(), trace);
      }
      case "EXPIRED" -> {
        return Reply.error(GraphError.containerExpired(), trace);
      }
      case "ERROR" -> {
        return Reply.error(GraphError.containerFailed(), trace);
      }
      default -> {}
    }
    if (account.publishesInLastDay(now) >= account.publishQuota) {
      return Reply.error(GraphError.quotaReached(), trace);
    }
    container.publishCount++;
    account.publishes.addLast(now);
    String mediaId = nextId();
    mediaToAccount.put(mediaId, accountId);
    return Reply.ok(Json.object().put("id", mediaId));
  }

  synchronized Reply publishingLimit(String accountId) {
    Account account = account(accountId);
    int used = account.publishesInLastDay(now());
    Json.Object config =
        Json.object().put("quota_total", account.publishQuota).put("quota_duration", 86_400);
    Json.Object entry = Json.object().put("quota_usage", used).put("config", config);
    return Reply.ok(Json.object().put("data", List.of(new RawJson(entry.toString()))));
  }

  synchronized Reply comment(
      String accountId, String mediaId, Map<String, String> params, String trace) {
    if (!accountId.equals(mediaToAccount.get(mediaId))) {
      return Reply.error(GraphError.invalidParameter("Invalid media id " + mediaId), trace);
    }
    String message = params.getOrDefault("message", "");
    if (message.isBlank()) {
      return Reply.error(GraphError.invalidParameter("message is required"), trace);
    }
    comments.add(mediaId + ": " + message);
    return Reply.ok(Json.object().put("id", nextId()));
  }

  /** Refreshes a long-lived token: a new token for the same account, valid 60 days. */
  synchronized Reply refreshToken(String token, String trace) {
    Account account = accountByToken(token);
    if (account == null) {
      return Reply.error(GraphError.invalidToken(), trace);
    }
    if (account.tokenExpired) {
      return Reply.error(GraphError.expiredToken(), trace);
    }
    String refreshed = "IGQ" + nextId();
    account.tokens.add(refreshed);
    return Reply.ok(
        Json.object()
            .put("access_token", refreshed)
            .put("token_type", "bearer")
            .put("expires_in", 5_184_000));
  }

  /**
   * Facebook Login's token exchange ({@code grant_type=fb_exchange_token}), from a form body or the
   * query string: the app's id and secret, then the token to exchange, checked in that order. The
   * answer never repeats a parameter.
   */
  synchronized Reply exchangeToken(Map<String, String> params, String trace) {
    if (!"fb_exchange_token".equals(params.get("grant_type"))) {
      return Reply.error(
          GraphError.invalidParameter("grant_type must be fb_exchange_token"), trace);
    }
    String clientId = params.getOrDefault("client_id", "");
    if (clientId.isBlank() || (facebookAppId != null && !facebookAppId.equals(clientId))) {
      return Reply.error(GraphError.applicationInvalid(), trace);
    }
    String secret = params.getOrDefault("client_secret", "");
    if (secret.isBlank() || (facebookAppSecret != null && !facebookAppSecret.equals(secret))) {
      return Reply.error(GraphError.clientSecretInvalid(), trace);
    }
    String token = params.get("fb_exchange_token");
    if (token == null || token.isBlank()) {
      return Reply.error(
          GraphError.invalidParameter("Missing fb_exchange_token parameter."), trace);
    }
    return refreshToken(token, trace);
  }

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  private Container newContainer(
      String accountId,
      Container.Kind kind,
      List<Container> children,
      boolean item,
      Duration processing) {
    Container container =
        new Container(nextId(), accountId, kind, now(), children, item, processing);
    containers.put(container.id, container);
    return container;
  }

  private @Nullable Account accountByToken(String token) {
    for (Account account : accounts.values()) {
      if (account.tokens.contains(token)) {
        return account;
      }
    }
    return null;
  }

  private Account account(String accountId) {
    Account account = accounts.get(accountId);
    if (account == null) {
      throw new IllegalArgumentException("no account " + accountId + " on the fake Graph API");
    }
    return account;
  }

  /** A value already written as JSON. */
  record RawJson(String json) {
    @Override
    public String toString() {
      return json;
    }
  }
}
