package app.omniy.firestore.internal;

import app.omniy.core.post.PostRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Which due posts a claimer takes (POST-10). */
public final class FairPick {
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
   * The fair pick of a random half of {@code due}: after a claimer lost races for the earliest
   * posts, this spreads racing claimers over the due posts.
   */
  public static List<PostRecord> sample(List<PostRecord> due, int limit) {
    List<PostRecord> shuffled = new ArrayList<>(due);
    Collections.shuffle(shuffled, ThreadLocalRandom.current());
    List<PostRecord> half =
        new ArrayList<>(shuffled.subList(0, Math.max(Math.min(limit, due.size()), due.size() / 2)));
    half.sort(Comparator.comparing(PostRecord::nextAttemptAt).thenComparing(PostRecord::id));
    return pick(half, limit);
  }
}
