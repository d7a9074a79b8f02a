package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.firestore.internal.PostCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The emulator does not enforce composite indexes, so this checks that the shipped {@code
 * firestore.indexes.json} declares the ones the stores' queries need in production.
 */
class FirestoreIndexesTest {
  private static String indexes() throws IOException {
    try (InputStream in =
        FirestoreIndexesTest.class.getResourceAsStream("/firestore.indexes.json")) {
      assertThat(in).as("firestore.indexes.json on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s", "");
    }
  }

  private static String composite(String collection, String first, String second) {
    return "{\"collectionGroup\":\""
        + collection
        + "\",\"queryScope\":\"COLLECTION\",\"fields\":[{\"fieldPath\":\""
        + first
        + "\",\"order\":\"ASCENDING\"},{\"fieldPath\":\""
        + second
        + "\",\"order\":\"ASCENDING\"}]}";
  }

  @Test
  void the_claim_and_recovery_queries_have_their_sharded_composite_indexes() throws IOException {
    assertThat(indexes())
        .contains(composite(FirestorePostStore.COLLECTION, PostCodec.SHARD, PostCodec.DUE))
        .contains(
            composite(FirestorePostStore.COLLECTION, PostCodec.SHARD, PostCodec.LEASE_EXPIRES));
  }

  @Test
  void the_quota_query_of_several_runtimes_has_its_composite_index() throws IOException {
    // POST-3: publishSlots filters accountId by equality and quotaSlotNs by range.
    assertThat(indexes())
        .contains(composite(FirestorePostStore.COLLECTION, "accountId", PostCodec.QUOTA_SLOT));
  }

  @Test
  void the_schedule_time_quota_query_has_its_composite_index() throws IOException {
    // POST-3: plannedPublishes filters accountId by equality, state by "in", nextAttemptNs by
    // range.
    assertThat(indexes())
        .contains(
            "{\"collectionGroup\":\"posts\",\"queryScope\":\"COLLECTION\",\"fields\":["
                + "{\"fieldPath\":\"accountId\",\"order\":\"ASCENDING\"},"
                + "{\"fieldPath\":\"state\",\"order\":\"ASCENDING\"},"
                + "{\"fieldPath\":\"nextAttemptNs\",\"order\":\"ASCENDING\"}]}");
  }

  @Test
  void forgetting_processed_events_has_its_composite_index() throws IOException {
    assertThat(indexes())
        .contains(composite(FirestoreProcessedEventStore.COLLECTION, "state", "processedAt"));
  }

  @Test
  void the_unsharded_hot_due_time_indexes_are_switched_off() throws IOException {
    for (String field : new String[] {PostCodec.DUE, PostCodec.LEASE_EXPIRES, "nextAttemptNs"}) {
      assertThat(indexes())
          .contains(
              "{\"collectionGroup\":\"posts\",\"fieldPath\":\"" + field + "\",\"indexes\":[]}");
    }
  }
}
