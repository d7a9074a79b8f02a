package app.omniy.testkit.graph;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stateful fake of the Instagram Graph API's content-publishing protocol, served over real HTTP
 * on a loopback port, for testing publishers (Omniy's own adapter or a host's) without Meta.
 *
 * <p>It follows `../shared/reference/instagram-graph-api.md`: {@code POST /{ig-user-id}/media}
 * creates containers (images finish at once, videos after {@link #videoProcessingTime}, carousels
 * when their children do; unpublished containers expire after 24 h), {@code GET /{container-id}
 * ?fields=status_code,status}, {@code POST /{ig-user-id}/media_publish} within the rolling 24 h
 * publishing quota, {@code GET /{ig-user-id}/content_publishing_limit}, {@code POST
 * /{media-id}/comments}, and token refresh: Instagram Login's {@code GET /refresh_access_token
 * ?grant_type=ig_refresh_token} (a POST is refused, as Meta documents no POST for it) and Facebook
 * Login's {@code oauth/access_token} exchange ({@code grant_type=fb_exchange_token}, {@code
 * client_id}, {@code client_secret}, {@code fb_exchange_token}; see {@link #facebookApp}). Every
 * response carries {@code X-App-Usage} and, for a known token, {@code X-Business-Use-Case-Usage}.
 * Errors use Meta's error object and codes. Parameters may come in the query string or a form body;
 * the token as {@code access_token} or an {@code Authorization: Bearer} header.
 *
 * <p>Time comes from the clock given to {@link #start(Clock)}: with a {@link
 * app.omniy.testkit.SettableClock}, video processing, container expiry and the rolling quotas
 * follow simulated time.
 *
 * <p>It counts how often each container was published: {@link #containersPublishedMoreThanOnce()}
 * makes a double publish visible (a repeated {@code media_publish} of one container goes out again
 * here, the worst case for the caller).
 *
 * <pre>{@code
 * try (FakeGraphApi api = FakeGraphApi.start(clock)) {
 *   api.addAccount("17841400000000001", "IGQ-token");
 *   api.failNext(GraphCall.PUBLISH, GraphFault.LOST_PUBLISH_RESPONSE);
 *   // point the publisher under test at api.baseUri() …
 *   assertThat(api.containersPublishedMoreThanOnce()).isEmpty();
 * }
 * }</pre>
 */
public final class FakeGraphApi implements AutoCloseable {
  private final GraphState state;
  private final FaultPlan faults = new FaultPlan();
  private final GraphServer server;

  private FakeGraphApi(Clock clock) {
    this.state = new GraphState(clock);
    this.server = new GraphServer(state, faults);
  }

  /** Starts the fake on a free loopback port, on the system clock. */
  public static FakeGraphApi start() {
    return start(Clock.systemUTC());
  }

  /** Starts the fake on a free loopback port, with time from {@code clock}. */
  public static FakeGraphApi start(Clock clock) {
    Require.nonNull(clock, "clock");
    return new FakeGraphApi(clock);
  }

  /** The root to point a Graph API client at, such as {@code http://127.0.0.1:PORT}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** Adds an account reachable with {@code token}; a second call adds another valid token. */
  public FakeGraphApi addAccount(String igUserId, String token) {
    if (igUserId == null || igUserId.isBlank()) {
      throw new InvalidValueException("igUserId", igUserId, "must not be blank");
    }
    if (token == null || token.isBlank()) {
      throw new InvalidValueException("token", null, "must not be blank");
    }
    state.addAccount(igUserId, token);
    return this;
  }

  /**
   * The Facebook app whose id and secret a Facebook Login token exchange ({@code
   * oauth/access_token}, {@code grant_type=fb_exchange_token}) must carry; a wrong secret is
   * refused as Meta refuses it (code 1, "Error validating client secret."). Until set, any
   * non-blank {@code client_id} and {@code client_secret} are accepted.
   */
  public FakeGraphApi facebookApp(String appId, String appSecret) {
    if (appId == null || appId.isBlank()) {
      throw new InvalidValueException("appId", appId, "must not be blank");
    }
    if (appSecret == null || appSecret.isBlank()) {
      throw new InvalidValueException("appSecret", null, "must not be blank");
    }
    state.setFacebookApp(appId, appSecret);
    return this;
  }

  /** Every token of the account now answers error 190/463 until {@link #addAccount} again. */
  public FakeGraphApi expireToken(String igUserId) {
    state.expireToken(igUserId);
    return this;
  }

  /** The account's {@code quota_total} for publishes per rolling 24 h (default 50). */
  public FakeGraphApi publishQuota(String igUserId, int quota) {
    state.setPublishQuota(igUserId, quota);
    return this;
  }

  /** The publishing quota of accounts added from now on (default 50). */
  public FakeGraphApi defaultPublishQuota(int quota) {
    state.setDefaultPublishQuota(quota);
    return this;
  }

  /** Containers an account may create per rolling 24 h (default 400). */
  public FakeGraphApi containerQuota(int quota) {
    state.setContainerQuota(quota);
    return this;
  }

  /** Calls per account per rolling hour before throttling with code 80002 (default 4,800). */
  public FakeGraphApi callsPerHour(int calls) {
    state.setCallsPerHour(calls);
    return this;
  }

  /** How long a video container stays {@code IN_PROGRESS} (default 30 s). */
  public FakeGraphApi videoProcessingTime(Duration time) {
    state.setVideoProcessingTime(time);
    return this;
  }

  /** Turns a container's processing into {@code ERROR} with the given subcode (e.g. 2207026). */
  public FakeGraphApi failProcessing(String containerId, int subcode) {
    state.failProcessing(containerId, subcode);
    return this;
  }

  /** The next {@code times} calls of {@code call} meet {@code fault}. */
  public FakeGraphApi failNext(GraphCall call, GraphFault fault, int times) {
    faults.failNext(call, fault, times);
    return this;
  }

  /** The next call of {@code call} meets {@code fault}. */
  public FakeGraphApi failNext(GraphCall call, GraphFault fault) {
    return failNext(call, fault, 1);
  }

  /**
   * Every call meets one of {@code kinds}, chosen at random, with probability {@code rate}; seeded
   * so a run can be repeated.
   */
  public FakeGraphApi randomFaults(double rate, long seed, GraphFault... kinds) {
    faults.randomFaults(rate, seed, List.of(kinds));
    return this;
  }

  /**
   * Every call made with the account's token meets {@code fault} until {@link #healAccount} or
   * {@link #clearFaults}: an account whose every call fails, for proving that it never delays or
   * fails the others (POST-10).
   *
   * @throws InvalidValueException if the account is blank, the fault missing or {@link
   *     GraphFault#LOST_PUBLISH_RESPONSE} (which applies to single publishes only)
   */
  public FakeGraphApi failAccount(String igUserId, GraphFault fault) {
    if (igUserId == null || igUserId.isBlank()) {
      throw new InvalidValueException("igUserId", igUserId, "must not be blank");
    }
    if (fault == null || fault == GraphFault.LOST_PUBLISH_RESPONSE) {
      throw new InvalidValueException(
          "fault", fault, "must be a fault other than LOST_PUBLISH_RESPONSE");
    }
    faults.failAccount(igUserId, fault);
    return this;
  }

  /** The account's calls are served normally again after {@link #failAccount}. */
  public FakeGraphApi healAccount(String igUserId) {
    faults.healAccount(igUserId);
    return this;
  }

  /**
   * Holds the next call of {@code call} on arrival, before any fault, until the test {@linkplain
   * HeldCall#serve() serves} or {@linkplain HeldCall#drop() drops} it: the window in which a test
   * kills the worker waiting on it (POST-7, a crash during {@code media_publish}). Several holds of
   * one kind take the next calls in turn.
   */
  public HeldCall holdNext(GraphCall call) {
    Require.nonNull(call, "call");
    Hold hold = new Hold(call);
    faults.hold(hold);
    return new HeldCall(hold);
  }

  /** While unreachable, every call's connection is closed without an answer (an outage). */
  public FakeGraphApi unreachable(boolean unreachable) {
    faults.setUnreachable(unreachable);
    return this;
  }

  /** How long a {@link GraphFault#STALL} holds the response (default 35 s). */
  public FakeGraphApi stallFor(Duration stall) {
    faults.setStall(stall);
    return this;
  }

  /** Removes queued, random and per-account faults and ends an outage (held calls stay held). */
  public FakeGraphApi clearFaults() {
    faults.clear();
    return this;
  }

  /** How many faults of each kind were injected so far. */
  public Map<GraphFault, Integer> faultsInjected() {
    return faults.injected();
  }

  /** How many calls of {@code call} reached the fake, faulted or not. */
  public int calls(GraphCall call) {
    return server.calls(call);
  }

  /** How many times {@code containerId} was published (0 if unknown). */
  public int publishCount(String containerId) {
    return state.publishCount(containerId);
  }

  /** The account's top-level containers (not carousel items), oldest first. */
  public List<String> containerIds(String igUserId) {
    return state.containerIds(igUserId);
  }

  /** How many posts went out on the account. */
  public int publishedMedia(String igUserId) {
    return state.publishedMedia(igUserId);
  }

  /** How many posts went out on all accounts. */
  public int totalPublishes() {
    return state.totalPublishes();
  }

  /** Containers that went out more than once: must stay empty (POST-7). */
  public List<String> containersPublishedMoreThanOnce() {
    return state.containersPublishedMoreThanOnce();
  }

  /** Comments posted, as {@code "MEDIA_ID: message"}, in order. */
  public List<String> comments() {
    return state.comments();
  }

  /** Stops the server; calls in flight are dropped. */
  @Override
  public void close() {
    server.close();
  }
}
