package app.omniy.backup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.testkit.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BAK-4: configuration and secrets backed up encrypted on every change, kept 6 months. */
class ConfigBackupTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final String SECRET = "whsec_live_51Hxxxxxxxxxxxxxxxxx";

  @TempDir Path dir;
  private final SettableClock clock = SettableClock.at(T0);
  private final SecretKey key = aes(1);

  private static SecretKey aes(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return new SecretKeySpec(bytes, "AES");
  }

  private ConfigBackup backup() {
    return ConfigBackup.builder(dir, clock).key("k1", key).build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void a_stored_secret_is_encrypted_on_disk_and_restored_exactly() throws Exception {
    ConfigBackup backup = backup();

    BackupEntry entry = backup.store("stripe-webhook-secret", utf8(SECRET)).orElseThrow();

    assertThat(entry.name()).isEqualTo("stripe-webhook-secret");
    assertThat(entry.createdAt()).isEqualTo(T0);
    assertThat(entry.file().getFileName())
        .hasToString("stripe-webhook-secret@20260302T000000.000000000Z-0.obak");
    byte[] onDisk = Files.readAllBytes(entry.file());
    assertThat(new String(onDisk, UTF_8)).startsWith("OMNIYBK1").doesNotContain("whsec");
    assertThat(backup.list()).containsExactly(entry);
    assertThat(backup.restore(entry)).isEqualTo(utf8(SECRET));
  }

  @Test
  void unchanged_content_writes_nothing_and_each_change_writes_a_new_backup() {
    ConfigBackup backup = backup();
    backup.store("alerts.yaml", utf8("v1"));
    clock.advance(Duration.ofMinutes(1));

    assertThat(backup.store("alerts.yaml", utf8("v1"))).isEmpty();

    BackupEntry second = backup.store("alerts.yaml", utf8("v2")).orElseThrow();
    assertThat(backup.list("alerts.yaml")).hasSize(2).last().isEqualTo(second);
    assertThat(backup.restore(backup.list("alerts.yaml").get(0))).isEqualTo(utf8("v1"));
    assertThat(backup.restoreLatest("alerts.yaml")).hasValue(utf8("v2"));
    assertThat(backup.restoreLatest("unknown")).isEmpty();
  }

  @Test
  void backup_changed_reads_registered_items_and_files_and_writes_only_what_changed()
      throws Exception {
    Path rules = Files.writeString(dir.resolve("alerts.yaml"), "critical: {}\n");
    AtomicReference<String> secret = new AtomicReference<>(SECRET);
    ConfigBackup backup =
        ConfigBackup.builder(dir.resolve("backups"), clock).key("k1", key).build();
    backup.registerFile("alerts.yaml", rules);
    backup.register("stripe-webhook-secret", () -> utf8(secret.get()));

    assertThat(backup.backupChanged())
        .extracting(BackupEntry::name)
        .containsExactly("alerts.yaml", "stripe-webhook-secret");
    clock.advance(Duration.ofMinutes(1));
    assertThat(backup.backupChanged()).isEmpty();

    secret.set("whsec_rotated");
    clock.advance(Duration.ofMinutes(1));
    assertThat(backup.backupChanged())
        .extracting(BackupEntry::name)
        .containsExactly("stripe-webhook-secret");
    assertThat(backup.restoreLatest("stripe-webhook-secret")).hasValue(utf8("whsec_rotated"));
  }

  @Test
  void an_item_whose_source_fails_is_skipped_and_the_others_are_still_backed_up() {
    ConfigBackup backup = backup();
    backup.register(
        "broken",
        () -> {
          throw new IllegalStateException("vault sealed");
        });
    backup.register("api-key", () -> utf8(SECRET));

    assertThat(backup.backupChanged()).extracting(BackupEntry::name).containsExactly("api-key");
  }

  @Test
  void after_a_restart_unchanged_content_is_recognised_from_the_latest_backup() {
    backup().store("alerts.yaml", utf8("v1"));
    clock.advance(Duration.ofHours(1));

    ConfigBackup restarted = backup();

    assertThat(restarted.store("alerts.yaml", utf8("v1"))).isEmpty();
    assertThat(restarted.store("alerts.yaml", utf8("v2"))).isPresent();
  }

  @Test
  void the_same_content_is_encrypted_with_a_fresh_nonce_each_time() throws Exception {
    ConfigBackup backup = backup();
    BackupEntry first = backup.store("api-key", utf8("same")).orElseThrow();
    backup.store("api-key", utf8("other"));
    BackupEntry third = backup.store("api-key", utf8("same")).orElseThrow();

    // Same instant: the sequence tells them apart and orders them.
    assertThat(backup.list("api-key")).extracting(BackupEntry::sequence).containsExactly(0, 1, 2);
    byte[] a = Files.readAllBytes(first.file());
    byte[] b = Files.readAllBytes(third.file());
    int cipherText = a.length - "same".length() - 16 - 12; // the nonce's offset
    assertThat(Arrays.copyOfRange(a, cipherText, a.length))
        .isNotEqualTo(Arrays.copyOfRange(b, cipherText, b.length));
    assertThat(backup.restore(third)).isEqualTo(utf8("same"));
  }

  @Test
  void every_flipped_byte_is_detected_and_the_exception_names_the_file() throws Exception {
    ConfigBackup backup = backup();
    BackupEntry entry = backup.store("alerts.yaml", utf8("critical: {}")).orElseThrow();
    byte[] original = Files.readAllBytes(entry.file());

    for (int i = 0; i < original.length; i++) {
      byte[] tampered = original.clone();
      tampered[i] ^= 0x01;
      Files.write(entry.file(), tampered);
      int at = i;
      assertThatThrownBy(() -> backup.restore(entry))
          .as("byte %d flipped", at)
          .isInstanceOfSatisfying(
              BackupIntegrityException.class,
              e -> {
                assertThat(e.file()).isEqualTo(entry.file());
                assertThat(e.getMessage()).contains(entry.file().toString());
              });
    }
    Files.write(entry.file(), original);
    assertThat(backup.restore(entry)).isEqualTo(utf8("critical: {}"));
  }

  @Test
  void every_truncation_is_detected() throws Exception {
    ConfigBackup backup = backup();
    BackupEntry entry = backup.store("alerts.yaml", utf8("critical: {}")).orElseThrow();
    byte[] original = Files.readAllBytes(entry.file());

    for (int length = 0; length < original.length; length++) {
      Files.write(entry.file(), Arrays.copyOf(original, length));
      assertThatThrownBy(() -> backup.restore(entry)).isInstanceOf(BackupIntegrityException.class);
    }
    Files.write(entry.file(), Arrays.copyOf(original, 3));
    assertThatThrownBy(() -> backup.restore(entry))
        .hasMessage("backup " + entry.file() + " rejected: truncated: 3 bytes");
  }

  @Test
  void a_wrong_key_fails_authentication_and_a_missing_one_is_named() {
    BackupEntry entry = backup().store("api-key", utf8(SECRET)).orElseThrow();

    ConfigBackup wrongKey = ConfigBackup.builder(dir, clock).key("k1", aes(2)).build();
    assertThatThrownBy(() -> wrongKey.restore(entry))
        .isInstanceOf(BackupIntegrityException.class)
        .hasMessage(
            "backup "
                + entry.file()
                + " rejected: authentication failed: the file was modified or the key is wrong");

    ConfigBackup rotated = ConfigBackup.builder(dir, clock).key("k2", aes(3)).build();
    assertThatThrownBy(() -> rotated.restore(entry))
        .hasMessageEndingWith("encrypted with key 'k1', which was not supplied");

    ConfigBackup rotatedWithOld =
        ConfigBackup.builder(dir, clock).key("k2", aes(3)).oldKey("k1", key).build();
    assertThat(rotatedWithOld.restore(entry)).isEqualTo(utf8(SECRET));
  }

  @Test
  void a_backup_renamed_to_another_item_or_time_is_detected() throws Exception {
    ConfigBackup backup = backup();
    BackupEntry entry = backup.store("api-key", utf8(SECRET)).orElseThrow();
    Path renamed = dir.resolve("alerts.yaml@20990101T000000.000000000Z-0.obak");
    Files.move(entry.file(), renamed);

    BackupEntry listed = backup.latest("alerts.yaml").orElseThrow();

    assertThatThrownBy(() -> backup.restore(listed))
        .isInstanceOfSatisfying(
            BackupIntegrityException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        "its authenticated header is of another backup (the file was renamed)"));
  }

  @Test
  void backups_are_kept_six_months_and_the_newest_of_each_item_always() {
    ConfigBackup backup = backup();
    BackupEntry v1 = backup.store("alerts.yaml", utf8("v1")).orElseThrow();
    clock.set(at(2026, 6, 1));
    BackupEntry v2 = backup.store("alerts.yaml", utf8("v2")).orElseThrow();

    // Six months after v1 to the second (JST calendar): still kept.
    clock.set(T0.atZone(ConfigBackup.DEFAULT_ZONE).plusMonths(6).toInstant());
    assertThat(backup.prune()).isEmpty();

    // One second later v1 goes; v2 stays.
    clock.advance(Duration.ofSeconds(1));
    BackupEntry v3 = backup.store("alerts.yaml", utf8("v3")).orElseThrow();
    assertThat(backup.list()).containsExactly(v2, v3);
    assertThat(v1.file()).doesNotExist();

    // Two years without a change: only the newest remains, and it is still restorable.
    clock.set(at(2028, 9, 2));
    assertThat(backup.prune()).containsExactly(v2);
    assertThat(backup.list()).containsExactly(v3);
    assertThat(backup.restore(v3)).isEqualTo(utf8("v3"));
  }

  @Test
  void bad_names_keys_and_oversized_content_are_rejected_without_echoing_secrets() {
    ConfigBackup backup = backup();
    assertThatThrownBy(() -> backup.store("../etc/passwd", utf8("x")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> backup.store("big", new byte[ConfigBackup.MAX_ITEM_BYTES + 1]))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.value()).isEqualTo((ConfigBackup.MAX_ITEM_BYTES + 1) + " bytes"));
    SecretKey shortKey = new SecretKeySpec(utf8("0123456789"), "AES");
    assertThatThrownBy(() -> ConfigBackup.builder(dir, clock).key("k1", shortKey))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("key");
              assertThat(e.getMessage()).doesNotContain("0123456789");
            });
    assertThatThrownBy(() -> ConfigBackup.builder(dir, clock).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("key"));
  }

  @Test
  void no_message_of_a_rejected_backup_contains_the_secret() throws Exception {
    ConfigBackup backup = backup();
    BackupEntry entry = backup.store("api-key", utf8(SECRET)).orElseThrow();
    byte[] bytes = Files.readAllBytes(entry.file());
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(entry.file(), bytes);

    assertThatThrownBy(() -> backup.restore(entry))
        .isInstanceOf(BackupIntegrityException.class)
        .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(SECRET));
    assertThat(entry.toString()).doesNotContain(SECRET);
  }

  private static Instant at(int year, int month, int day) {
    return ZonedDateTime.of(year, month, day, 0, 0, 0, 0, ConfigBackup.DEFAULT_ZONE).toInstant();
  }
}
