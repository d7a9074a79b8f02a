package app.omniy.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.backup.BackupVerificationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Cloud Storage target does with the checksums Cloud Storage returns (BAK-1). */
class CloudStorageBackupTargetTest {
  private static final String BACKUP = "20261128T180000Z";
  private static final byte[] CONTENT = "{\"id\":\"p1\"}\n".getBytes(StandardCharsets.UTF_8);

  private final FakeCloudStorage gcs = new FakeCloudStorage();
  private final CloudStorageBackupTarget target =
      new CloudStorageBackupTarget(
          CloudStorageBackupTarget.unauthenticatedClient(gcs.host(), "demo-omniy"),
          "omniy-backups",
          "");

  @AfterEach
  void stop() {
    gcs.close();
  }

  @Test
  void uploads_carry_the_content_crc32c_so_cloud_storage_can_reject_damaged_bodies() {
    target.put(BACKUP, "posts-00000.ndjson", CONTENT);

    assertThat(gcs.uploads())
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .contains("\"crc32c\":\"" + Checksums.crc32cBase64(CONTENT) + "\""));
    assertThat(gcs.names("omniy-backups")).containsExactly(BACKUP + "/posts-00000.ndjson");
  }

  @Test
  void stored_checksums_that_differ_from_the_content_fail_the_upload_naming_the_file() {
    gcs.answerNextUploadWithWrongChecksums();

    assertThatThrownBy(() -> target.put(BACKUP, "posts-00000.ndjson", CONTENT))
        .isInstanceOfSatisfying(
            BackupVerificationException.class,
            e -> {
              assertThat(e.backupId()).isEqualTo(BACKUP);
              assertThat(e.file()).isEqualTo("posts-00000.ndjson");
              assertThat(e.getMessage())
                  .contains("crc32c")
                  .contains(Checksums.crc32cBase64(CONTENT));
            });
  }

  @Test
  void bytes_that_rotted_in_the_bucket_are_caught_by_their_crc32c_on_download() {
    target.put(BACKUP, "posts-00000.ndjson", CONTENT);
    gcs.rot("omniy-backups", BACKUP + "/posts-00000.ndjson");

    assertThatThrownBy(() -> target.read(BACKUP, "posts-00000.ndjson"))
        .isInstanceOfSatisfying(
            BackupVerificationException.class,
            e -> assertThat(e.file()).isEqualTo("posts-00000.ndjson"));
  }

  @Test
  void a_prefix_must_end_in_a_slash() {
    assertThatThrownBy(
            () ->
                new CloudStorageBackupTarget(
                    CloudStorageBackupTarget.unauthenticatedClient(gcs.host(), "demo-omniy"),
                    "omniy-backups",
                    "nightly"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prefix"));
  }
}
