package app.omniy.firestore.internal;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.PostStoreRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Which due posts a claimer takes (POST-10). */
public final class FairPick {
  /** How many times the limit {@link #spread} draws at random before its fair pick. */
  public static final int SPREAD = 4;

  private FairPick() {}

  /**
   * Up to {@code limit} of {@code due} (in due order): round robin over the accounts, in the order
   * of each account's earliest due post, so that every account gets an equal share of a contended
   * batch and one busy account never delays another.
   */
  public static List<PostRecord> pick(List<PostRecord> due, int limit) {
    Map<String, List<PostRecord>> byAccount = new LinkedHashMap<>();
    for (PostRecord r : due) {
      byAccount.computeIfAbsent(r.accountId(), a -> new ArrayList<>()).add(r);
    }
    List<Iterator<PostRecord>> queues = new ArrayList<>();
    byAccount.values().forEach(q -> queues.add(q.iterator()));
    List<PostRecord> picked = new ArrayList<>(Math.min(limit, due.size()));
    boolean progress = true;
    while (progress && picked.size() < limit) {
      progress = false;
      for (int i = 0; i < queues.size() && picked.size() < limit; i++) {
        Iterator<PostRecord> queue = queues.get(i);
        if (queue.hasNext()) {
          picked.add(queue.next());
          progress = true;
        }
      }
    }
    return picked;
  }

  /**
   * The fair pick of a random {@link #SPREAD} × {@code limit} of {@code due}: used by a claimer
   * that lost races for the earliest posts, so that racing claimers, which all read the same
   * earliest posts, each take different ones. Two claimers picking 1 post each out of 200 due
   * collide with a chance of about 1 in 90, against certainty for two earliest-first picks; the
   * price is that under contention a batch is the earliest of a random few rather than the earliest
   * of all.
   */
  public static List<PostRecord> spread(List<PostRecord> due, int limit) {
    int size = (int) Math.min(due.size(), (long) SPREAD * limit);
    List<PostRecord> shuffled = new ArrayList<>(due);
    Collections.shuffle(shuffled, ThreadLocalRandom.current());
    List<PostRecord> few = new ArrayList<>(shuffled.subList(0, size));
    few.sort(PostStoreRules.DUE_ORDER);
    return pick(few, limit);
  }
}
