package app.omniy.firestore.internal;

import app.omniy.core.OmniyException;
import app.omniy.core.metrics.MetricNames;
import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Every store's way to wait for a Firestore call: it counts the call as a connection attempt under
 * {@link MetricNames#FIRESTORE_CONNECTIONS} (ALERT-C3) and turns failures into exceptions the
 * stores can act on.
 *
 * <p>A call counts as a failure only when Firestore could not be reached or did not answer
 * (UNAVAILABLE, DEADLINE_EXCEEDED, UNAUTHENTICATED, PERMISSION_DENIED, INTERNAL, UNKNOWN): an
 * answer such as ALREADY_EXISTS or ABORTED is the database working as asked, and counting it would
 * make every lost race look like an outage.
 */
public final class FirestoreCalls {
  private static final Set<StatusCode.Code> CONNECTION_FAILURES =
      EnumSet.of(
          StatusCode.Code.UNAVAILABLE,
          StatusCode.Code.DEADLINE_EXCEEDED,
          StatusCode.Code.UNAUTHENTICATED,
          StatusCode.Code.PERMISSION_DENIED,
          StatusCode.Code.INTERNAL,
          StatusCode.Code.UNKNOWN);

  private final Counter successes;
  private final Counter failures;

  /** Calls counted in {@code registry}. */
  public FirestoreCalls(MeterRegistry registry) {
    successes =
        Counter.builder(MetricNames.FIRESTORE_CONNECTIONS)
            .description("Firestore calls, by whether Firestore answered (ALERT-C3)")
            .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
            .register(registry);
    failures =
        Counter.builder(MetricNames.FIRESTORE_CONNECTIONS)
            .description("Firestore calls, by whether Firestore answered (ALERT-C3)")
            .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE)
            .register(registry);
  }

  /**
   * Waits for {@code call}. An {@link OmniyException} thrown inside a transaction comes out as
   * itself; a Firestore error comes out as {@link FirestoreCallException}.
   */
  public <T> T get(ApiFuture<T> call) {
    try {
      T result = call.get();
      successes.increment();
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.increment();
      throw new OmniyException("interrupted while waiting for Firestore", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      OmniyException own = find(cause, OmniyException.class);
      if (own != null && !(own instanceof FirestoreCallException)) {
        successes.increment();
        throw own;
      }
      StatusCode.Code code = code(cause);
      (CONNECTION_FAILURES.contains(code) ? failures : successes).increment();
      throw new FirestoreCallException(code, cause);
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
  }

  private static StatusCode.Code code(Throwable failure) {
    ApiException api = find(failure, ApiException.class);
    if (api != null) {
      return api.getStatusCode().getCode();
    }
    FirestoreException firestore = find(failure, FirestoreException.class);
    if (firestore != null && firestore.getStatus() != null) {
      return fromGrpc(firestore.getStatus().getCode());
    }
    io.grpc.StatusRuntimeException grpc = find(failure, io.grpc.StatusRuntimeException.class);
    if (grpc != null) {
      return fromGrpc(grpc.getStatus().getCode());
    }
    return StatusCode.Code.UNKNOWN;
  }

  private static StatusCode.Code fromGrpc(Status.Code code) {
    return StatusCode.Code.valueOf(code.name());
  }

  private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
