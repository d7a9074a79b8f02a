package app.omniy.benchmarks;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap per pending post in the in-memory store: used heap after GC with {@code n} posts stored
 * minus before, divided by {@code n}, minus the post's own payload strings (id, caption, URL; the
 * account ids are shared). Reported twice: for the whole post as stored (the records the host
 * created plus the store's index), and for the store's structures alone (posts created first, then
 * measured while inserting). JMH measures time, not space, hence a plain main:
 *
 * <pre>
 * java -Xmx3g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     app.omniy.benchmarks.PostStoreFootprint 1000000
 * </pre>
 */
public final class PostStoreFootprint {
  private PostStoreFootprint() {}

  /**
   * What one measurement found.
   *
   * @param posts how many posts were stored
   * @param lastStored whether the last post was found in the store (a sanity check)
   * @param payloadBytesPerPost the post's own strings, per post
   * @param wholeBytesPerPost heap per post, everything but the payload strings
   * @param storeBytesPerPost heap per post of the store's own structures
   */
  public record Footprint(
      int posts,
      boolean lastStored,
      long payloadBytesPerPost,
      long wholeBytesPerPost,
      long storeBytesPerPost) {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Footprint f = measure(n);
    System.out.printf(
        "posts=%d payload=%d B/post, heap per pending post (minus payload strings)=%d B,"
            + " store structures alone=%d B%n",
        f.posts(), f.payloadBytesPerPost(), f.wholeBytesPerPost(), f.storeBytesPerPost());
  }

  /** Measures with {@code n} posts. */
  public static Footprint measure(int n) {
    List<String> accounts = SamplePosts.accounts();
    long payload = payloadBytes(n, accounts);

    long empty = HeapUsage.usedAfterGc();
    List<Post> posts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      posts.add(SamplePosts.post(i, n, accounts));
    }
    long withPosts = HeapUsage.usedAfterGc();
    InMemoryPostStore store = new InMemoryPostStore();
    for (Post p : posts) {
      store.insert(p, SamplePosts.T0);
    }
    long withStore = HeapUsage.usedAfterGc();
    boolean lastStored = store.find(SamplePosts.id(n - 1)).isPresent();
    Reference.reachabilityFence(store);
    Reference.reachabilityFence(posts);
    // The list of posts is the benchmark's own, not the store's: subtract its backing array.
    long listBytes = 16L + 4L * n;
    long whole = (withStore - empty - listBytes) / n - payload;
    long storeOnly = (withStore - withPosts) / n;
    return new Footprint(n, lastStored, payload, whole, storeOnly);
  }

  /**
   * The per-post strings' heap size with compact strings: a 24-byte String header plus a byte array
   * of 16 + length bytes, rounded up to 8.
   */
  static long payloadBytes(int n, List<String> accounts) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += stringBytes(SamplePosts.id(i)) + stringBytes(SamplePosts.caption(i));
      total += stringBytes(SamplePosts.url(i));
    }
    for (String a : accounts) {
      total += stringBytes(a);
    }
    return total / n;
  }

  private static long stringBytes(String latin1) {
    return 24 + ((16 + latin1.length() + 7) / 8) * 8;
  }
}
