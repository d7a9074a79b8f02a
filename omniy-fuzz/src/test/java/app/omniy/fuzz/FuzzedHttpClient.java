package app.omniy.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} whose every answer — status, usage headers, body, or no answer at all —
 * comes from the fuzzer. It stands in for the network only: everything above {@code send}, our
 * Graph client, error classification and outcome mapping, runs for real.
 */
final class FuzzedHttpClient extends HttpClient {
  private static final int[] STATUSES = {200, 200, 200, 400, 401, 403, 404, 429, 500, 502, 503};

  private final FuzzedDataProvider data;
  private final GraphBodies bodies;

  FuzzedHttpClient(FuzzedDataProvider data) {
    this.data = data;
    this.bodies = new GraphBodies(data);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    switch (data.consumeInt(0, 15)) {
      case 0 -> throw new IOException("Connection reset");
      case 1 -> throw new HttpTimeoutException("request timed out");
      default -> {}
    }
    int status = data.consumeBoolean() ? data.pickValue(STATUSES) : data.consumeInt(100, 599);
    Map<String, List<String>> headers =
        Map.of(
            "X-App-Usage", List.of(bodies.usageHeader()),
            "X-Business-Use-Case-Usage", List.of(bodies.usageHeader()));
    String body = bodies.next();
    // GraphClient always asks for BodyHandlers.ofString(), so T is String.
    @SuppressWarnings("unchecked")
    T typed = (T) body;
    return new Answer<>(request, status, HttpHeaders.of(headers, (k, v) -> true), typed);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CompletableFuture.completedFuture(send(request, handler));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromises) {
    return sendAsync(request, handler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.empty();
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    throw new UnsupportedOperationException("no TLS in a fuzzed exchange");
  }

  @Override
  public SSLParameters sslParameters() {
    return new SSLParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }

  private record Answer<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
      implements HttpResponse<T> {
    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }
  }
}
