package app.omniy.firestore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.StaleWriteException;
import com.google.api.core.ApiFutures;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.api.gax.rpc.StatusCode;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** ALERT-C3: Firestore calls are counted by whether Firestore answered. */
class FirestoreCallsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FirestoreCalls calls = new FirestoreCalls(registry);

  private double count(String outcome) {
    return registry
        .get(MetricNames.FIRESTORE_CONNECTIONS)
        .tag(MetricNames.TAG_OUTCOME, outcome)
        .counter()
        .count();
  }

  private static Exception failure(Status.Code code) {
    return ApiExceptionFactory.createException(
        new RuntimeException(code.name()), GrpcStatusCode.of(code), false);
  }

  @Test
  void an_answered_call_counts_as_a_success() {
    assertThat(calls.get(ApiFutures.immediateFuture("ok"))).isEqualTo("ok");

    assertThat(count(MetricNames.OUTCOME_SUCCESS)).isEqualTo(1.0);
    assertThat(count(MetricNames.OUTCOME_FAILURE)).isZero();
  }

  @Test
  void an_unreachable_firestore_counts_as_a_failure_and_names_the_status() {
    assertThatThrownBy(
            () -> calls.get(ApiFutures.immediateFailedFuture(failure(Status.Code.UNAVAILABLE))))
        .isInstanceOfSatisfying(
            FirestoreCallException.class,
            e -> assertThat(e.code()).isEqualTo(StatusCode.Code.UNAVAILABLE));

    assertThat(count(MetricNames.OUTCOME_FAILURE)).isEqualTo(1.0);
    assertThat(count(MetricNames.OUTCOME_SUCCESS)).isZero();
  }

  @Test
  void a_lost_create_race_is_an_answer_not_a_connection_failure() {
    assertThatThrownBy(
            () -> calls.get(ApiFutures.immediateFailedFuture(failure(Status.Code.ALREADY_EXISTS))))
        .isInstanceOfSatisfying(
            FirestoreCallException.class, e -> assertThat(e.alreadyExists()).isTrue());

    assertThat(count(MetricNames.OUTCOME_SUCCESS)).isEqualTo(1.0);
    assertThat(count(MetricNames.OUTCOME_FAILURE)).isZero();
  }

  @Test
  void an_omniy_exception_from_a_transaction_comes_out_as_itself() {
    StaleWriteException stale = new StaleWriteException("p1", "version 3, not 2");

    assertThatThrownBy(() -> calls.get(ApiFutures.immediateFailedFuture(stale))).isSameAs(stale);
  }
}
