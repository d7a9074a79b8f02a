package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.spi.PostStore;
import app.omniy.firestore.internal.FirestoreCallException;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ALERT-C3 end to end: a store whose Firestore cannot be reached counts each call as a connection
 * failure under {@code omniy.firestore.connections{outcome=failure}} and throws a clear error. A
 * real client against a port where nothing listens, not a simulated failure.
 */
class FirestoreConnectionFailuresTest {
  @Test
  void a_call_to_an_unreachable_firestore_is_counted_as_a_connection_failure() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Firestore db = clientFor("127.0.0.1:" + closedPort());
    try {
      PostStore store = new FirestorePostStore(FirestoreStoreOptions.of(db, registry));

      assertThatThrownBy(() -> store.find("p1"))
          .isInstanceOfSatisfying(
              FirestoreCallException.class,
              e -> assertThat(e.code()).isEqualTo(StatusCode.Code.UNAVAILABLE));
    } finally {
      db.close();
    }
    assertThat(count(registry, MetricNames.OUTCOME_FAILURE)).isEqualTo(1.0);
    assertThat(count(registry, MetricNames.OUTCOME_SUCCESS)).isZero();
  }

  private static double count(SimpleMeterRegistry registry, String outcome) {
    return registry
        .get(MetricNames.FIRESTORE_CONNECTIONS)
        .tag(MetricNames.TAG_OUTCOME, outcome)
        .counter()
        .count();
  }

  /** A loopback port nobody listens on (bound, then freed). */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** An emulator-style client that tries once, so the test does not wait out the retries. */
  private static Firestore clientFor(String hostAndPort) {
    return FirestoreOptions.newBuilder()
        .setProjectId("demo-omniy")
        .setEmulatorHost(hostAndPort)
        .setCredentialsProvider(
            FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
        .setRetrySettings(
            RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
                .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
                .setTotalTimeoutDuration(Duration.ofSeconds(10))
                .build())
        .build()
        .getService();
  }
}
