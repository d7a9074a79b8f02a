package app.omniy.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on several threads released at the same moment, to provoke races; every contract
 * suite's concurrency test goes through here.
 */
final class Concurrently {
  // A bound against hanging, not a timing assertion: the Firestore race of 8 claimers over 2,000
  // posts took over 60 s on the emulator at load average 30 on 2 cores.
  private static final long TIMEOUT_SECONDS = 240;

  private Concurrently() {}

  /** A task that knows which of the racing threads runs it. */
  interface Task<T> {
    T run(int index) throws Exception;
  }

  /** {@code task} on {@code threads} threads at once; the results in thread order. */
  static <T> List<T> run(int threads, Callable<T> task)
      throws InterruptedException, ExecutionException {
    return run(threads, index -> task.call());
  }

  /** Each of {@code tasks} on its own thread, all at once; the results in list order. */
  static <T> List<T> runAll(List<Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    return run(tasks.size(), index -> tasks.get(index).call());
  }

  /** {@code task} on {@code threads} threads at once, each told its index. */
  static <T> List<T> run(int threads, Task<T> task)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        Callable<T> gated =
            () -> {
              start.await();
              return task.run(index);
            };
        futures.add(pool.submit(gated));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "racing tasks did not finish within " + TIMEOUT_SECONDS + " s", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
