package app.omniy.firestore.internal;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Lease;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Transition;
import app.omniy.core.post.UserTag;
import app.omniy.core.post.spi.PostStoreRules;
import com.google.cloud.firestore.DocumentSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PostRecord} as the fields of its Firestore document, and back (see {@code
 * docs/firestore.md} for the layout).
 *
 * <p>Instants are epoch nanoseconds ({@code long}, fields ending in {@code Ns}): the post store's
 * contract tells apart instants a nanosecond apart, which a Firestore timestamp (microseconds)
 * cannot. That covers the years 1677 to 2262; other instants are rejected.
 */
public final class PostCodec {
  /** The index field claimers query; see {@link #dueNs(PostRecord)}. */
  public static final String DUE = "dueNs";

  /** The shard of {@link #DUE}. */
  public static final String SHARD = "dueShard";

  /** The lease expiry, present (not null) only while a lease is stored. */
  public static final String LEASE_EXPIRES = "leaseExpiresNs";

  /**
   * The instant the post took its publishing slot (POST-3), present only in PUBLISHING and
   * PUBLISHED; see {@code PostStoreRules.quotaSlot}.
   */
  public static final String QUOTA_SLOT = "quotaSlotNs";

  private PostCodec() {}

  /**
   * When the post becomes claimable by {@code claimDue}, or null if it never does in its state: a
   * due state (SCHEDULED, RETRY_WAIT) at its next attempt time, or when its lease expires if that
   * is later. One range query on this field thus finds both due posts and due posts whose worker
   * vanished (POST-8).
   */
  public static @Nullable Long dueNs(PostRecord r) {
    if (!r.state().isDue()) {
      return null;
    }
    long due = nanos(r.nextAttemptAt(), "nextAttemptAt");
    Lease lease = r.lease();
    return lease == null ? due : Math.max(due, nanos(lease.expiresAt(), "lease.expiresAt"));
  }

  /** The document fields of {@code r}, in shard {@code shard}. */
  public static Map<String, Object> encode(PostRecord r, int shard) {
    Map<String, Object> f = new HashMap<>();
    f.put("post", post(r.post()));
    f.put("accountId", r.accountId());
    f.put("state", r.state().name());
    f.put("version", r.version());
    f.put("attempt", (long) r.attempt());
    f.put("nextAttemptNs", nanos(r.nextAttemptAt(), "nextAttemptAt"));
    f.put("containerId", r.containerId());
    Lease lease = r.lease();
    f.put("leaseOwner", lease == null ? null : lease.owner());
    f.put(LEASE_EXPIRES, lease == null ? null : nanos(lease.expiresAt(), "lease.expiresAt"));
    f.put(SHARD, (long) shard);
    f.put(DUE, dueNs(r));
    f.put(QUOTA_SLOT, PostStoreRules.quotaSlot(r).map(at -> nanos(at, "quotaSlot")).orElse(null));
    List<Map<String, Object>> history = new ArrayList<>();
    for (Transition t : r.history()) {
      Map<String, Object> m = new HashMap<>();
      m.put("atNs", nanos(t.at(), "history.at"));
      m.put("from", t.from().name());
      m.put("to", t.to().name());
      m.put("reason", t.reason());
      m.put("attempt", (long) t.attempt());
      history.add(m);
    }
    f.put("history", history);
    return f;
  }

  /** The record stored in {@code doc}. */
  public static PostRecord decode(DocumentSnapshot doc) {
    String owner = doc.getString("leaseOwner");
    Lease lease = owner == null ? null : new Lease(owner, instant(doc.getLong(LEASE_EXPIRES)));
    List<Transition> history = new ArrayList<>();
    Object stored = doc.get("history");
    if (stored instanceof List<?> list) {
      for (Object o : list) {
        Map<?, ?> m = (Map<?, ?>) o;
        history.add(
            new Transition(
                instant((Long) m.get("atNs")),
                PostState.valueOf((String) m.get("from")),
                PostState.valueOf((String) m.get("to")),
                (String) m.get("reason"),
                ((Long) m.get("attempt")).intValue()));
      }
    }
    return new PostRecord(
        post((Map<?, ?>) doc.get("post")),
        PostState.valueOf(doc.getString("state")),
        doc.getLong("version"),
        doc.getLong("attempt").intValue(),
        instant(doc.getLong("nextAttemptNs")),
        doc.getString("containerId"),
        lease,
        history);
  }

  /** {@code at} in epoch nanoseconds. */
  public static long nanos(Instant at, String field) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    } catch (ArithmeticException e) {
      throw new InvalidValueException(field, at, "must lie between the years 1677 and 2262");
    }
  }

  private static Instant instant(@Nullable Long nanos) {
    if (nanos == null) {
      throw new IllegalStateException("a stored post lacks a time field");
    }
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static Map<String, Object> post(Post p) {
    Map<String, Object> f = new HashMap<>();
    f.put("id", p.id());
    f.put("accountId", p.accountId());
    f.put("caption", p.caption());
    f.put("firstComment", p.firstComment());
    f.put("publishAtNs", nanos(p.publishAt(), "publishAt"));
    f.put("zone", p.zone().getId());
    List<Map<String, Object>> tags = new ArrayList<>();
    for (UserTag t : p.userTags()) {
      tags.add(Map.of("username", t.username(), "x", t.x().toString(), "y", t.y().toString()));
    }
    f.put("userTags", tags);
    String kind =
        p.media() instanceof Media.Carousel
            ? "CAROUSEL"
            : p.media() instanceof Media.Reel ? "REEL" : "IMAGE";
    f.put("mediaKind", kind);
    List<Map<String, Object>> items = new ArrayList<>();
    for (MediaItem i : p.media().items()) {
      Map<String, Object> m = new HashMap<>();
      m.put("type", i.type().name());
      m.put("url", i.url());
      m.put("format", i.format());
      m.put("width", (long) i.width());
      m.put("height", (long) i.height());
      m.put("bytes", i.bytes());
      m.put("duration", i.duration() == null ? null : i.duration().toString());
      items.add(m);
    }
    f.put("mediaItems", items);
    return f;
  }

  private static Post post(Map<?, ?> f) {
    List<MediaItem> items = new ArrayList<>();
    for (Object o : (List<?>) f.get("mediaItems")) {
      Map<?, ?> m = (Map<?, ?>) o;
      String duration = (String) m.get("duration");
      items.add(
          new MediaItem(
              MediaItem.Type.valueOf((String) m.get("type")),
              (String) m.get("url"),
              (String) m.get("format"),
              ((Long) m.get("width")).intValue(),
              ((Long) m.get("height")).intValue(),
              (Long) m.get("bytes"),
              duration == null ? null : Duration.parse(duration)));
    }
    Media media =
        switch ((String) f.get("mediaKind")) {
          case "CAROUSEL" -> Media.carousel(items);
          case "REEL" -> Media.reel(items.get(0));
          default -> Media.image(items.get(0));
        };
    List<UserTag> tags = new ArrayList<>();
    for (Object o : (List<?>) f.get("userTags")) {
      Map<?, ?> m = (Map<?, ?>) o;
      tags.add(
          new UserTag(
              (String) m.get("username"),
              new BigDecimal((String) m.get("x")),
              new BigDecimal((String) m.get("y"))));
    }
    return new Post(
        (String) f.get("id"),
        (String) f.get("accountId"),
        media,
        (String) f.get("caption"),
        tags,
        (String) f.get("firstComment"),
        instant((Long) f.get("publishAtNs")),
        ZoneId.of((String) f.get("zone")));
  }
}
