package app.omniy.benchmarks;

import java.lang.management.ManagementFactory;

/** Heap measurement shared by the footprint and allocation figures. */
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

  /**
   * The used heap now, garbage included: its growth between two readings is what was allocated, if
   * no collection ran in between.
   */
  static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Collections so far, by every collector. */
  static long collections() {
    long count = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
    }
    return count;
  }
}
