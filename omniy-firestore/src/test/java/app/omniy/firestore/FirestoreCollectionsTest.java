package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.firestore.backup.ManagedExport;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BAK-1: every collection a Firestore store writes is declared in {@link FirestoreCollections}, so
 * the backups cover it. Found by reflection over the store classes this module compiles: a new
 * {@code Firestore…Store} whose {@code COLLECTION} is not declared fails here (and cannot open its
 * collection at all).
 */
class FirestoreCollectionsTest {
  /** Every {@code Firestore…Store} class of this module's main package. */
  private static List<Class<?>> storeClasses() throws IOException, URISyntaxException {
    Path dir =
        Path.of(
                FirestorePostStore.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .resolve("app/omniy/firestore");
    assertThat(dir).as("the compiled store classes").isDirectory();
    List<Class<?>> stores = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("Firestore") && name.endsWith("Store.class")) {
          try {
            stores.add(Class.forName("app.omniy.firestore." + name.replace(".class", "")));
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return stores;
  }

  /** The collections {@code store} names: its static {@code COLLECTION…} string constants. */
  private static List<String> collectionsOf(Class<?> store) throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field f : store.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getType() == String.class
          && f.getName().startsWith("COLLECTION")) {
        f.setAccessible(true);
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  @Test
  void every_stores_collection_is_declared_and_every_declared_collection_has_a_store()
      throws Exception {
    Map<String, String> storeOf = new TreeMap<>();
    List<Class<?>> stores = storeClasses();
    for (Class<?> store : stores) {
      List<String> names = collectionsOf(store);
      assertThat(names)
          .as("%s declares its collection in a static COLLECTION constant", store.getSimpleName())
          .isNotEmpty();
      for (String name : names) {
        assertThat(FirestoreCollections.isDeclared(name))
            .as(
                "%s writes collection '%s': declare it in FirestoreCollections (BAK-1)",
                store.getSimpleName(), name)
            .isTrue();
        storeOf.put(name, store.getSimpleName());
      }
    }

    assertThat(stores).hasSizeGreaterThanOrEqualTo(9);
    assertThat(storeOf.keySet())
        .as("declared collections that no store writes")
        .containsExactlyInAnyOrderElementsOf(FirestoreCollections.all());
  }

  @Test
  void the_managed_export_names_the_root_every_declared_collection_and_the_nested_ones() {
    assertThat(ManagedExport.OMNIY_COLLECTION_GROUPS)
        .startsWith(FirestoreStoreOptions.ROOT_COLLECTION)
        .containsAll(FirestoreCollections.all())
        .contains("incidents", "jobLeases", "maintenanceJobs", "supportTickets", "runs")
        .doesNotHaveDuplicates();
    for (FirestoreCollections.Nested nested : FirestoreCollections.nested()) {
      assertThat(FirestoreCollections.all()).contains(nested.parent());
      assertThat(ManagedExport.OMNIY_COLLECTION_GROUPS).contains(nested.id());
    }
    assertThat(FirestoreCollections.nested())
        .containsExactly(new FirestoreCollections.Nested("maintenanceJobs", "runs"));
    assertThat(FirestoreJobRunStore.RUNS).isEqualTo(FirestoreCollections.MAINTENANCE_JOB_RUNS.id());
  }

  @Test
  void a_collection_that_is_not_declared_cannot_be_opened() {
    assertThatThrownBy(() -> FirestoreCollections.require("creditClaims"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'creditClaims' is not declared in FirestoreCollections");
    assertThat(FirestoreCollections.require(FirestoreCollections.POSTS)).isEqualTo("posts");
  }

  @Test
  void the_list_is_sorted_and_read_only() {
    assertThat(FirestoreCollections.all()).isSorted();
    assertThatThrownBy(() -> FirestoreCollections.all().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
