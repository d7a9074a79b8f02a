package app.omniy.core.dispatch;

import app.omniy.core.Require;

/**
 * Which throwables a worker survives: anything an attempt throws, short of the JVM itself failing.
 * The {@link Dispatcher} ends an attempt that threw a survivable throwable on the retry path with
 * {@link app.omniy.core.post.Reasons#INTERNAL_ERROR} (POST-5), and the runtime's workers go on.
 *
 * <p>Survivable: every {@link Exception} (checked ones too, which some libraries throw without
 * declaring them) and every {@link Error} except the two below, including {@link AssertionError},
 * {@link LinkageError} (a class missing or incompatible at run time), {@link StackOverflowError}
 * and {@link OutOfMemoryError}. By the time such an error reaches the worker, the attempt's stack
 * has unwound and whatever it allocated (a huge string, a runaway recursion) is garbage, so the
 * next attempt finds the JVM as it was. An {@code OutOfMemoryError} that comes from a heap truly
 * full of something else recurs on every attempt, each counted as a failure ({@code
 * omniy.post.attempts{outcome=failure}}, ALERT-C4); a host that would rather have the JVM exit on
 * one runs it with {@code -XX:+ExitOnOutOfMemoryError}, which exits before any handler runs.
 *
 * <p>Fatal, rethrown, so the worker's thread dies (the runtime replaces it and its health says so):
 * any other {@link VirtualMachineError} ({@link InternalError}, {@link UnknownError}: the JVM
 * itself is broken, and nothing it runs can be trusted), and {@link ThreadDeath} (a request to stop
 * the thread, which must not be swallowed).
 */
public final class Survivable {
  private Survivable() {}

  /** Whether a worker goes on after {@code thrown}. */
  public static boolean survivable(Throwable thrown) {
    Require.nonNull(thrown, "thrown");
    if (thrown instanceof VirtualMachineError) {
      return thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError;
    }
    return !(thrown instanceof ThreadDeath);
  }

  /**
   * Rethrows {@code thrown} unless it is {@link #survivable}; restores the thread's interrupt
   * status if it is an {@link InterruptedException}, whose throwing cleared it.
   */
  public static void rethrowIfFatal(Throwable thrown) {
    if (!survivable(thrown)) {
      throw (Error) thrown; // every fatal throwable is an Error
    }
    if (thrown instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code thrown} as a short line for a transition's reason: its class and message, at most 300
   * characters (an error's message may hold a whole payload).
   */
  public static String describe(Throwable thrown) {
    String line;
    try {
      line = String.valueOf(thrown).replace('\n', ' ').replace('\r', ' ');
    } catch (RuntimeException | StackOverflowError brokenToString) {
      line = thrown.getClass().getName();
    }
    return line.length() <= 300 ? line : line.substring(0, 299) + "…";
  }
}
