package app.omniy.testkit.graph;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Which fault, if any, the next call of each kind meets: an outage first, then a failing account's
 * fault, queued one-off faults, then the random rate. Also the calls to hold for the test. Seeded,
 * so a run can be repeated.
 */
final class FaultPlan {
  private final Map<GraphCall, Deque<GraphFault>> queued = new EnumMap<>(GraphCall.class);
  private SplittableRandom random = new SplittableRandom(0);
  private double rate;
  private List<GraphFault> randomKinds = List.of();
  private boolean unreachable;
  private Duration stall = Duration.ofSeconds(35);
  private final Map<GraphFault, Integer> injected = new EnumMap<>(GraphFault.class);
  private final Map<String, GraphFault> accountFaults = new HashMap<>();
  private final Map<GraphCall, Deque<Hold>> holds = new EnumMap<>(GraphCall.class);

  public synchronized void failNext(GraphCall call, GraphFault fault, int times) {
    if (fault == GraphFault.LOST_PUBLISH_RESPONSE && call != GraphCall.PUBLISH) {
      throw new IllegalArgumentException("LOST_PUBLISH_RESPONSE applies to PUBLISH only");
    }
    Deque<GraphFault> queue = queued.computeIfAbsent(call, c -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  public synchronized void randomFaults(double rate, long seed, List<GraphFault> kinds) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
    }
    if (rate > 0 && kinds.isEmpty()) {
      throw new IllegalArgumentException("random faults need at least one kind");
    }
    this.rate = rate;
    this.random = new SplittableRandom(seed);
    this.randomKinds = List.copyOf(kinds);
  }

  /** Every call made with the account's token meets {@code fault} (POST-10 tests). */
  public synchronized void failAccount(String accountId, GraphFault fault) {
    if (fault == GraphFault.LOST_PUBLISH_RESPONSE) {
      throw new IllegalArgumentException("LOST_PUBLISH_RESPONSE applies to single PUBLISH calls");
    }
    accountFaults.put(accountId, fault);
  }

  public synchronized void healAccount(String accountId) {
    accountFaults.remove(accountId);
  }

  public synchronized void hold(Hold hold) {
    holds.computeIfAbsent(hold.call(), c -> new ArrayDeque<>()).addLast(hold);
  }

  /** The hold waiting for this call, taken off the queue, or null. */
  synchronized @Nullable Hold nextHold(GraphCall call) {
    Deque<Hold> queue = holds.get(call);
    return queue == null ? null : queue.pollFirst();
  }

  public synchronized void setUnreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  public synchronized void setStall(Duration stall) {
    this.stall = stall;
  }

  public synchronized Duration stall() {
    return stall;
  }

  public synchronized Map<GraphFault, Integer> injected() {
    return Map.copyOf(injected);
  }

  public synchronized void clear() {
    queued.clear();
    rate = 0;
    randomKinds = List.of();
    unreachable = false;
    accountFaults.clear();
  }

  /** The fault for this call, counted as injected, or empty to serve it normally. */
  synchronized Optional<GraphFault> next(GraphCall call, @Nullable String accountId) {
    GraphFault forAccount = accountId == null ? null : accountFaults.get(accountId);
    Optional<GraphFault> fault =
        !unreachable && forAccount != null ? Optional.of(forAccount) : choose(call);
    fault.ifPresent(f -> injected.merge(f, 1, Integer::sum));
    return fault;
  }

  private Optional<GraphFault> choose(GraphCall call) {
    if (unreachable) {
      return Optional.of(GraphFault.CONNECTION_RESET);
    }
    Deque<GraphFault> queue = queued.get(call);
    if (queue != null && !queue.isEmpty()) {
      return Optional.of(queue.removeFirst());
    }
    if (rate > 0 && random.nextDouble() < rate) {
      List<GraphFault> applicable = new ArrayList<>(randomKinds);
      if (call != GraphCall.PUBLISH) {
        applicable.remove(GraphFault.LOST_PUBLISH_RESPONSE);
      }
      if (!applicable.isEmpty()) {
        return Optional.of(applicable.get(random.nextInt(applicable.size())));
      }
    }
    return Optional.empty();
  }
}
