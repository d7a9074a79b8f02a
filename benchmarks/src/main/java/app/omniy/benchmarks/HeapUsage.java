package app.omniy.benchmarks;

import java.lang.management.ManagementFactory;

/** Heap measurement shared by the footprint figures (bytes per pending post, per rule). */
final class HeapUsage {
  private HeapUsage() {}

  /** The lowest used heap over five full collections: what survives, without floating garbage. */
  static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
