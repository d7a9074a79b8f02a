package app.omniy.testkit;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in a test for something other threads bring about, such as a runtime's dispatch or alert
 * threads: polls a condition until it holds and fails the test if it does not within the timeout.
 * The timeout is no timing assertion, only an upper bound against hanging, so it is generous (30 s
 * unless given); polling starts at once and slows down to at most every 1/300 of the timeout
 * (between 1 ms and 1 s), so a long wait on a slow backend does not hammer it.
 *
 * <pre>{@code
 * Await.until("p1 is published", () -> store.find("p1").orElseThrow().state() == PUBLISHED);
 * JobLease lease = Await.until("the lease is renewed", Duration.ofSeconds(30), this::lease,
 *     held -> held.until().isAfter(at));
 * }</pre>
 */
public final class Await {
  /** How long {@link #until(String, BooleanSupplier)} waits. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final long MIN_POLL_NANOS = Duration.ofMillis(1).toNanos();
  private static final long MAX_POLL_NANOS = Duration.ofSeconds(1).toNanos();

  private Await() {}

  /**
   * Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds.
   *
   * @param what the condition in words, for the failure message ("waiting until " + what)
   * @throws AssertionError if it does not hold in time, or the waiting thread is interrupted
   */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT_TIMEOUT, condition);
  }

  /**
   * Waits up to {@code timeout} until {@code condition} holds.
   *
   * @param what the condition in words, for the failure message ("waiting until " + what)
   * @throws AssertionError if it does not hold in time, or the waiting thread is interrupted
   * @throws InvalidValueException if an argument is missing or {@code timeout} is negative
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    Require.nonNull(condition, "condition");
    until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
  }

  /**
   * Reads {@code value} until {@code condition} accepts it, waiting up to {@code timeout}, and
   * returns the accepted value.
   *
   * @param what the condition in words, for the failure message, which also shows the last value
   * @throws AssertionError if no value is accepted in time, or the waiting thread is interrupted
   * @throws InvalidValueException if an argument is missing or {@code timeout} is negative
   */
  public static <T> T until(
      String what, Duration timeout, Supplier<T> value, Predicate<? super T> condition) {
    Require.nonNull(what, "what");
    Require.nonNull(value, "value");
    Require.nonNull(condition, "condition");
    if (timeout == null || timeout.isNegative()) {
      throw new InvalidValueException("timeout", timeout, "must be zero or positive");
    }
    long start = System.nanoTime();
    long maxPoll = Math.max(MIN_POLL_NANOS, Math.min(MAX_POLL_NANOS, timeout.toNanos() / 300));
    long poll = MIN_POLL_NANOS;
    while (true) {
      T current = value.get();
      if (condition.test(current)) {
        return current;
      }
      long left = timeout.toNanos() - (System.nanoTime() - start);
      if (left <= 0) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting until " + what + lastValue(current));
      }
      try {
        Thread.sleep(Duration.ofNanos(Math.min(poll, left)).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
      poll = Math.min(poll * 2, maxPoll);
    }
  }

  private static String lastValue(Object current) {
    return current instanceof Boolean ? "" : " (last seen: " + current + ")";
  }
}
