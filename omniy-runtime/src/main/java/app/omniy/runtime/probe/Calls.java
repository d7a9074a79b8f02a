package app.omniy.runtime.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One HTTP call bounded as a whole by a timeout (headers and body), failures put in words. */
final class Calls {
  private Calls() {}

  /** Why a call failed, in words, without the request (which may carry a secret). */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean connection;

    Failed(String message, boolean connection) {
      super(message, null, false, false);
      this.connection = connection;
    }

    /** Whether the connection failed before any answer (not a timeout). */
    boolean connection() {
      return connection;
    }
  }

  static <T> HttpResponse<T> send(
      HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body, Duration timeout)
      throws Failed {
    CompletableFuture<HttpResponse<T>> call = client.sendAsync(request, body);
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new Failed("no answer within " + words(timeout), false);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failed("interrupted", false);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new Failed(
          describe(cause, timeout),
          cause instanceof IOException && !(cause instanceof HttpTimeoutException));
    }
  }

  private static String describe(Throwable cause, Duration timeout) {
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + words(timeout);
    }
    if (cause instanceof ConnectException) {
      return "could not connect" + message(cause);
    }
    if (cause instanceof IOException) {
      return "connection failed" + message(cause);
    }
    return "failed: " + cause.getClass().getSimpleName() + message(cause);
  }

  private static String message(Throwable cause) {
    String m = cause.getMessage();
    return m == null || m.isBlank() ? "" : " (" + m + ")";
  }

  static String words(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
