package app.omniy.benchmarks;

import app.omniy.core.post.spi.PublisherResult;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publishes per second through the Instagram adapter against a local stub that answers {@code
 * media_publish} after 20 ms, as the Graph API might; the baseline sends the same request with a
 * bare {@link HttpClient} in the same run, so the ratio is the adapter's overhead (target: at most
 * 5%).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(8)
public class InstagramPublishBenchmark {
  static final String ACCOUNT = "17841405822304914";
  static final Duration LATENCY = Duration.ofMillis(20);

  private HttpServer stub;
  private ExecutorService stubThreads;
  private HttpClient http;
  private InstagramPublisher publisher;
  private URI publishUri;
  private final AtomicLong containers = new AtomicLong();

  @Setup(Level.Trial)
  public void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    stubThreads = Executors.newFixedThreadPool(32);
    stub.setExecutor(stubThreads);
    AtomicLong media = new AtomicLong(17_920_000_000_000_000L);
    stub.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            sleep(LATENCY);
            byte[] body =
                ("{\"id\":\"" + media.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange
                .getResponseHeaders()
                .set("X-App-Usage", "{\"call_count\":1,\"total_cputime\":1,\"total_time\":1}");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    stub.start();
    URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    publishUri = URI.create(base + "/v26.0/" + ACCOUNT + "/media_publish");
    var tokens =
        new InMemoryAccessTokens()
            .put(ACCOUNT, new AccessToken("IGQbenchmark", Instant.now().plus(Duration.ofDays(60))));
    publisher =
        InstagramPublisher.builder(
                GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                    .baseUri(base)
                    .build(),
                tokens)
            .meterRegistry(new SimpleMeterRegistry())
            .httpClient(http)
            .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    stub.stop(0);
    stubThreads.shutdownNow();
  }

  /** The same request a bare HttpClient would send: the floor the adapter is measured against. */
  @Benchmark
  public String baselineBareHttpClient() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(publishUri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer IGQbenchmark")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString("creation_id=" + containers.incrementAndGet()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Benchmark
  public PublisherResult<String> adapterPublish() {
    return publisher.publish(ACCOUNT, Long.toString(containers.incrementAndGet()), Instant.now());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
