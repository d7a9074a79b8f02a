package app.omniy.testkit.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the fake: routes Graph API paths to {@link GraphState}, injects the {@link
 * FaultPlan}'s faults and adds the usage headers. Requests are served on their own threads, so a
 * stalled call never holds up the others.
 */
final class GraphServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs
    // every response then waits ~40 ms. Read once, when the first HttpServer is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Parameters a held call never shows the test: they carry tokens or the app secret. */
  private static final List<String> SECRET_PARAMS =
      List.of("access_token", "client_secret", "fb_exchange_token");

  private final HttpServer server;
  private final ExecutorService executor;
  private final GraphState state;
  private final FaultPlan faults;
  private final Map<GraphCall, Integer> calls = new java.util.EnumMap<>(GraphCall.class);

  public GraphServer(GraphState state, FaultPlan faults) {
    this.state = state;
    this.faults = faults;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback port for the fake Graph API", e);
    }
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "fake-graph-api");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public synchronized int calls(GraphCall call) {
    return calls.getOrDefault(call, 0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> params = params(exchange);
      Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
      String token =
          route != null && route.id().equals(Route.FB_EXCHANGE)
              ? params.get("fb_exchange_token")
              : token(exchange, params);
      if (route == null) {
        respond(
            exchange,
            token,
            Reply.error(
                GraphError.invalidParameter(
                    "Unknown path components: " + exchange.getRequestURI().getPath()),
                trace()));
        return;
      }
      count(route.call());
      String account = state.accountIdOf(token);
      Hold hold = faults.nextHold(route.call());
      if (hold != null) {
        Map<String, String> shown = new HashMap<>(params);
        SECRET_PARAMS.forEach(shown::remove);
        if (!hold.arriveAndAwait(exchange.getRequestURI().getPath(), shown, account)) {
          return; // dropped: the connection closes unanswered, the call had no effect
        }
      }
      Optional<GraphFault> fault = faults.next(route.call(), account);
      if (fault.isPresent() && fault.get() != GraphFault.LOST_PUBLISH_RESPONSE) {
        injectBefore(exchange, token, fault.get());
        return;
      }
      Reply reply = serve(route, exchange.getRequestMethod(), token, params);
      if (fault.isPresent() && reply.status() == 200) {
        // LOST_PUBLISH_RESPONSE: the post went out; the caller never hears about it.
        return;
      }
      respond(exchange, token, reply);
    }
  }

  private Reply serve(
      Route route, String method, @Nullable String token, Map<String, String> params) {
    String trace = trace();
    if (route.call() == GraphCall.REFRESH_TOKEN) {
      return route.id().equals(Route.FB_EXCHANGE)
          ? state.exchangeToken(params, trace)
          : refresh(method, token, params, trace);
    }
    String owner =
        route.call() == GraphCall.CONTAINER_STATUS || route.call() == GraphCall.COMMENT
            ? null
            : route.id();
    Optional<GraphError> denied = state.authorize(token, owner);
    if (denied.isPresent()) {
      return Reply.error(denied.get(), trace);
    }
    String accountId = state.accountIdOf(token);
    return switch (route.call()) {
      case CREATE_CONTAINER -> state.createContainer(route.id(), params, trace);
      case CONTAINER_STATUS -> state.containerStatus(route.id(), trace);
      case PUBLISH -> state.publish(route.id(), params, trace);
      case PUBLISHING_LIMIT -> state.publishingLimit(route.id());
      case COMMENT -> state.comment(accountId == null ? "" : accountId, route.id(), params, trace);
      case REFRESH_TOKEN -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * Instagram Login's refresh: a GET only (Meta documents no POST for it), {@code
   * grant_type=ig_refresh_token}, the token as {@code access_token} or in the {@code Authorization}
   * header.
   */
  private Reply refresh(
      String method, @Nullable String token, Map<String, String> params, String trace) {
    if (!method.equals("GET")) {
      return Reply.error(GraphError.unsupportedPost(Route.IG_REFRESH), trace);
    }
    if (!"ig_refresh_token".equals(params.get("grant_type"))) {
      return Reply.error(GraphError.invalidParameter("grant_type must be ig_refresh_token"), trace);
    }
    return token == null
        ? Reply.error(GraphError.invalidToken(), trace)
        : state.refreshToken(token, trace);
  }

  private void injectBefore(HttpExchange exchange, @Nullable String token, GraphFault fault)
      throws IOException {
    switch (fault) {
      case CONNECTION_RESET -> {
        // Closing without a response: the client's request fails with an I/O error.
      }
      case STALL -> {
        sleep(faults.stall().toMillis());
        respond(exchange, token, Reply.error(GraphError.serverError(), trace()));
      }
      case SERVER_ERROR -> respond(exchange, token, Reply.error(GraphError.serverError(), trace()));
      case EXPIRED_TOKEN ->
          respond(exchange, token, Reply.error(GraphError.expiredToken(), trace()));
      case MEDIA_NOT_FETCHABLE ->
          respond(exchange, token, Reply.error(GraphError.mediaNotFetchable(), trace()));
      case RATE_LIMITED -> {
        exchange.getResponseHeaders().set("Retry-After", "60");
        respond(exchange, token, Reply.error(GraphError.throttled(), trace()), 100, 1);
      }
      case LOST_PUBLISH_RESPONSE -> throw new IllegalStateException("served, then dropped");
    }
  }

  private void respond(HttpExchange exchange, @Nullable String token, Reply reply)
      throws IOException {
    respond(exchange, token, reply, state.usagePercent(token), state.minutesToRegainAccess(token));
  }

  private void respond(
      HttpExchange exchange, @Nullable String token, Reply reply, int usage, long regainMinutes)
      throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=UTF-8");
    headers.set(
        "X-App-Usage",
        Json.object()
            .put("call_count", usage)
            .put("total_cputime", usage / 2)
            .put("total_time", usage / 2)
            .toString());
    String accountId = state.accountIdOf(token);
    if (accountId != null) {
      Json.Object entry =
          Json.object()
              .put("type", "instagram")
              .put("call_count", usage)
              .put("total_cputime", usage / 2)
              .put("total_time", usage / 2)
              .put("estimated_time_to_regain_access", regainMinutes);
      headers.set(
          "X-Business-Use-Case-Usage",
          Json.object()
              .put(accountId, List.of(new GraphState.RawJson(entry.toString())))
              .toString());
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  private synchronized void count(GraphCall call) {
    calls.merge(call, 1, Integer::sum);
  }

  private String trace() {
    return "A" + Long.toString(state.now().toEpochMilli() ^ System.identityHashCode(this), 36);
  }

  private static @Nullable String token(HttpExchange exchange, Map<String, String> params) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null) {
      for (String scheme : new String[] {"Bearer ", "OAuth "}) {
        if (header.startsWith(scheme)) {
          return header.substring(scheme.length()).strip();
        }
      }
    }
    return params.get("access_token");
  }

  /** Query string and form body together, as the Graph API accepts either. */
  private static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> params = new HashMap<>();
    parse(exchange.getRequestURI().getRawQuery(), params);
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (body.length > 0) {
      parse(new String(body, StandardCharsets.UTF_8), params);
    }
    return params;
  }

  private static void parse(@Nullable String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
