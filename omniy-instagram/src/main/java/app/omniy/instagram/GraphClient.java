package app.omniy.instagram;

import app.omniy.core.post.spi.CircuitState;
import app.omniy.instagram.internal.GraphApiError;
import app.omniy.instagram.internal.GraphResponse;
import app.omniy.instagram.internal.RateLimitUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Graph API over {@code java.net.http} with the in-call resilience of POST-5: a timeout on
 * every call, a few fast retries for reads only (a {@code media_publish} is never retried blindly:
 * it is not idempotent), and one circuit breaker for the API host, so a broken API is not hammered
 * by every worker. Tokens travel in the {@code Authorization} header and app secrets in a form
 * body, never in a URL, so they cannot end up in an exception message or an access log; the base
 * URI is {@code https} (plain {@code http} only to a loopback test server, see {@link
 * GraphApiConfig}).
 */
final class GraphClient {
  private final GraphApiConfig config;
  private final HttpClient http;
  private final ObjectMapper json;
  private final FailsafeExecutor<HttpResponse<String>> reads;
  private final FailsafeExecutor<HttpResponse<String>> writes;
  private final CircuitBreaker<HttpResponse<String>> breaker;

  public GraphClient(GraphApiConfig config, HttpClient http, ObjectMapper json) {
    this.config = config;
    this.http = http;
    this.json = json;
    this.breaker =
        CircuitBreaker.<HttpResponse<String>>builder()
            .handle(IOException.class)
            .handleResultIf(response -> response.statusCode() >= 500)
            .withFailureThreshold(
                config.resilience().breakerFailures(), config.resilience().breakerWindow())
            .withDelay(config.resilience().breakerOpenFor())
            .withSuccessThreshold(2)
            .build();
    RetryPolicy<HttpResponse<String>> readRetry =
        RetryPolicy.<HttpResponse<String>>builder()
            .handle(IOException.class)
            .handleResultIf(response -> response.statusCode() >= 500)
            .withMaxRetries(config.resilience().readRetries())
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
            .withJitter(0.25)
            .build();
    this.reads = Failsafe.with(readRetry, breaker);
    this.writes = Failsafe.with(breaker);
  }

  /** The breaker's state toward the API host. */
  public CircuitState circuit() {
    if (breaker.isOpen()) {
      return CircuitState.OPEN;
    }
    return breaker.isHalfOpen() ? CircuitState.HALF_OPEN : CircuitState.CLOSED;
  }

  /** An idempotent read; retried a few times on I/O errors and 5xx. */
  public GraphResponse get(String path, Map<String, String> query, @Nullable String token) {
    URI uri = uri(path, query);
    return execute(reads, request(uri, token).GET().build());
  }

  /** A write, sent once: its failure is reported, never retried here. */
  public GraphResponse post(String path, Map<String, String> form, @Nullable String token) {
    return execute(writes, formPost(path, form, token));
  }

  /**
   * A form POST that may be repeated, such as a token exchange: retried on I/O errors and 5xx as a
   * read is. Its parameters, secrets among them, travel in the body, never in the URL.
   */
  public GraphResponse postRepeatable(
      String path, Map<String, String> form, @Nullable String token) {
    return execute(reads, formPost(path, form, token));
  }

  private HttpRequest formPost(String path, Map<String, String> form, @Nullable String token) {
    return request(config.endpoint(path), token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
  }

  /** A read outside the versioned API root, such as Instagram Login's token refresh. */
  public GraphResponse getUnversioned(String path, Map<String, String> query, String token) {
    String base = config.baseUri().toString().replaceAll("/+$", "");
    String q = query.isEmpty() ? "" : "?" + encode(query);
    return execute(reads, request(URI.create(base + "/" + path + q), token).GET().build());
  }

  private HttpRequest.Builder request(URI uri, @Nullable String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private GraphResponse execute(
      FailsafeExecutor<HttpResponse<String>> executor, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = executor.get(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (CircuitBreakerOpenException e) {
      return new GraphResponse.NoAnswer("circuit breaker open for " + config.baseUri().getHost());
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String what =
          cause instanceof HttpTimeoutException
              ? "timed out after " + config.requestTimeout()
              : "no answer";
      return new GraphResponse.NoAnswer(what + " (" + cause.getClass().getSimpleName() + ")");
    }
    RateLimitUsage usage =
        RateLimitUsage.parse(
            json,
            response.headers().firstValue("X-App-Usage").orElse(null),
            response.headers().firstValue("X-Business-Use-Case-Usage").orElse(null));
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 == 2 && body != null && !body.has("error")) {
      return new GraphResponse.Ok(body, usage);
    }
    return new GraphResponse.Failed(error(response.statusCode(), body), usage);
  }

  private GraphApiError error(int status, @Nullable JsonNode body) {
    JsonNode e = body == null ? null : body.get("error");
    if (e == null || !e.isObject()) {
      return new GraphApiError(
          status,
          "HTTP " + status + " without a Graph API error object",
          "HttpError",
          status >= 500 ? 2 : 1,
          null,
          null,
          null,
          null,
          null);
    }
    return new GraphApiError(
        status,
        e.path("message").asText(""),
        e.path("type").asText(""),
        e.path("code").asInt(0),
        e.hasNonNull("error_subcode") ? e.get("error_subcode").asInt() : null,
        e.hasNonNull("fbtrace_id") ? e.get("fbtrace_id").asText() : null,
        e.hasNonNull("is_transient") ? e.get("is_transient").asBoolean() : null,
        e.hasNonNull("error_user_title") ? e.get("error_user_title").asText() : null,
        e.hasNonNull("error_user_msg") ? e.get("error_user_msg").asText() : null);
  }

  private @Nullable JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private URI uri(String path, Map<String, String> query) {
    URI base = config.endpoint(path);
    return query.isEmpty()
        ? base
        : URI.create(base + (base.getRawQuery() == null ? "?" : "&") + encode(query));
  }

  private static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
