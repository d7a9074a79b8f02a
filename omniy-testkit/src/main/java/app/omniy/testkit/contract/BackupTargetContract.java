package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.core.backup.spi.BackupTarget.StoredFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BackupTarget} must have (BAK-1). Extend it in the implementation's
 * tests and return a fresh, empty target from {@link #newTarget()}.
 */
public abstract class BackupTargetContract {
  private static final String B1 = "20261101T180000Z";
  private static final String B2 = "20261102T180000Z";

  /** The target under test. */
  protected BackupTarget target;

  /** A new, empty target on the implementation's real backend (or a fake of its API). */
  protected abstract BackupTarget newTarget();

  @BeforeEach
  void createTarget() {
    target = newTarget();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_file_put_reads_back_byte_for_byte_and_is_listed_with_its_size() {
    byte[] content = bytes("{\"id\":\"p1\"}\n{\"id\":\"ü\"}\n");

    StoredFile stored = target.put(B1, "posts-00000.ndjson", content);

    assertThat(stored).isEqualTo(new StoredFile("posts-00000.ndjson", content.length));
    assertThat(target.read(B1, "posts-00000.ndjson"))
        .hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    assertThat(target.list(B1)).containsExactly(stored);
  }

  @Test
  void binary_and_empty_files_survive_unchanged() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }

    target.put(B1, "binary.bin", binary);
    target.put(B1, "empty.ndjson", new byte[0]);

    assertThat(target.read(B1, "binary.bin"))
        .hasValueSatisfying(read -> assertThat(read).isEqualTo(binary));
    assertThat(target.read(B1, "empty.ndjson"))
        .hasValueSatisfying(read -> assertThat(read).isEmpty());
  }

  @Test
  void putting_a_file_again_replaces_it() {
    target.put(B1, "manifest.json", bytes("old, longer content"));

    target.put(B1, "manifest.json", bytes("new"));

    assertThat(target.read(B1, "manifest.json"))
        .hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("new")));
    assertThat(target.list(B1)).containsExactly(new StoredFile("manifest.json", 3));
  }

  @Test
  void files_are_listed_by_name_and_only_within_their_backup() {
    target.put(B1, "b.ndjson", bytes("b"));
    target.put(B1, "a.ndjson", bytes("aa"));
    target.put(B2, "c.ndjson", bytes("ccc"));

    assertThat(target.list(B1))
        .containsExactly(new StoredFile("a.ndjson", 2), new StoredFile("b.ndjson", 1));
    assertThat(target.list(B2)).containsExactly(new StoredFile("c.ndjson", 3));
  }

  @Test
  void a_missing_file_or_backup_reads_as_empty() {
    target.put(B1, "a.ndjson", bytes("a"));

    assertThat(target.read(B1, "other.ndjson")).isEmpty();
    assertThat(target.read(B2, "a.ndjson")).isEmpty();
    assertThat(target.list(B2)).isEmpty();
  }

  @Test
  void backups_are_listed_in_text_order() {
    assertThat(target.backups()).isEmpty();
    target.put(B2, "a.ndjson", bytes("a"));
    target.put(B1, "a.ndjson", bytes("a"));
    target.put(B1, "b.ndjson", bytes("b"));

    assertThat(target.backups()).containsExactly(B1, B2);
  }

  @Test
  void deleting_a_backup_removes_all_its_files_and_nothing_else() {
    target.put(B1, "a.ndjson", bytes("a"));
    target.put(B1, "b.ndjson", bytes("b"));
    target.put(B2, "a.ndjson", bytes("a"));

    target.delete(B1);

    assertThat(target.backups()).containsExactly(B2);
    assertThat(target.list(B1)).isEmpty();
    assertThat(target.read(B2, "a.ndjson")).isPresent();
  }

  @Test
  void deleting_a_backup_that_does_not_exist_does_nothing() {
    target.put(B2, "a.ndjson", bytes("a"));

    target.delete(B1);

    assertThat(target.backups()).containsExactly(B2);
  }

  @Test
  void names_that_could_leave_the_backup_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> target.put(B1, "../escape", bytes("x")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> target.put("a/b", "a.ndjson", bytes("x")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("backupId"));
    assertThatThrownBy(() -> target.read(B1, "..")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> target.delete("")).isInstanceOf(InvalidValueException.class);
    assertThat(target.backups()).isEmpty();
  }
}
