package app.omniy.testkit.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One call the fake holds on arrival until the test decides: serve it (it takes effect, and the
 * answer goes to whoever still listens) or drop it (the connection closes, nothing happens). A held
 * call nobody decides on is dropped after {@link #LONGEST}, so a forgotten hold cannot hang a run.
 */
final class Hold {
  /** The longest a call is held without a decision. */
  public static final Duration LONGEST = Duration.ofMinutes(2);

  private final GraphCall call;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CompletableFuture<Boolean> serve = new CompletableFuture<>();
  private volatile String path = "";
  private volatile Map<String, String> params = Map.of();
  private volatile @Nullable String accountId;

  public Hold(GraphCall call) {
    this.call = call;
  }

  public GraphCall call() {
    return call;
  }

  public String path() {
    return path;
  }

  public Map<String, String> params() {
    return params;
  }

  public @Nullable String accountId() {
    return accountId;
  }

  public boolean awaitArrival(Duration timeout) throws InterruptedException {
    return arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public boolean hasArrived() {
    return arrived.getCount() == 0;
  }

  /** Decides once; later decisions are ignored. */
  public void decide(boolean serveIt) {
    serve.complete(serveIt);
  }

  /** Called by the server thread: records the call and waits for the decision. */
  boolean arriveAndAwait(
      String callPath, Map<String, String> callParams, @Nullable String account) {
    this.path = callPath;
    this.params = Map.copyOf(callParams);
    this.accountId = account;
    arrived.countDown();
    try {
      return serve.get(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }
}
