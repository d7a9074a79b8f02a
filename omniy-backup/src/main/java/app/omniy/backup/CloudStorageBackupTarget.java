package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.spi.BackupTarget;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BackupTarget} in a Google Cloud Storage bucket: object {@code
 * {prefix}{backupId}/{file}}. BAK-1 wants the backups in another region than the database: create
 * the bucket there.
 *
 * <p>Every upload sends the content's CRC32C with the object (the client computes it for a
 * byte-array upload), so Cloud Storage rejects a body damaged on the way, and the checksums Cloud
 * Storage returns for the stored object are compared with the content again; every download is
 * checked against the object's CRC32C. A mismatch throws {@link BackupVerificationException} naming
 * the object.
 */
public final class CloudStorageBackupTarget implements BackupTarget {
  private final Storage storage;
  private final String bucket;
  private final String prefix;

  /**
   * Backups in {@code bucket} under {@code prefix} (empty, or ending in {@code /}).
   *
   * @throws InvalidValueException if an argument is missing or the prefix does not end in {@code /}
   */
  public CloudStorageBackupTarget(Storage storage, String bucket, String prefix) {
    Require.nonNull(storage, "storage");
    if (bucket == null || bucket.isBlank()) {
      throw new InvalidValueException("bucket", bucket, "is required");
    }
    if (prefix == null || !(prefix.isEmpty() || prefix.endsWith("/"))) {
      throw new InvalidValueException("prefix", prefix, "must be empty or end in '/'");
    }
    this.storage = storage;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /**
   * A client for a Cloud Storage JSON API at {@code host} (such as {@code http://127.0.0.1:4443})
   * without credentials: for emulators and fakes. Production code builds its client with
   * credentials, e.g. {@code StorageOptions.getDefaultInstance().getService()}.
   */
  public static Storage unauthenticatedClient(String host, String projectId) {
    return StorageOptions.newBuilder()
        .setHost(Objects.requireNonNull(host, "host"))
        .setProjectId(Objects.requireNonNull(projectId, "projectId"))
        .setCredentials(NoCredentials.getInstance())
        .build()
        .getService();
  }

  @Override
  public StoredFile put(String backupId, String name, byte[] content) {
    String object = object(BackupTarget.checkBackupId(backupId), BackupTarget.checkFileName(name));
    Require.nonNull(content, "content");
    String crc32c = Checksums.crc32cBase64(content);
    String md5 = Checksums.md5Base64(content);
    BlobInfo info =
        BlobInfo.newBuilder(bucket, object)
            .setContentType(name.endsWith(".json") ? "application/json" : "application/x-ndjson")
            .setCrc32c(crc32c)
            .setMd5(md5)
            .build();
    Blob stored;
    try {
      stored = storage.create(info, content);
    } catch (StorageException e) {
      throw failure("write", object, e);
    }
    if (!crc32c.equals(stored.getCrc32c()) || !md5.equals(stored.getMd5())) {
      throw new BackupVerificationException(
          backupId,
          name,
          "Cloud Storage stored gs://"
              + bucket
              + "/"
              + object
              + " with crc32c "
              + stored.getCrc32c()
              + " and md5 "
              + stored.getMd5()
              + ", but the content sent has crc32c "
              + crc32c
              + " and md5 "
              + md5);
    }
    if (stored.getSize() == null || stored.getSize() != content.length) {
      throw new BackupVerificationException(
          backupId,
          name,
          "Cloud Storage stored " + stored.getSize() + " bytes, not " + content.length);
    }
    return new StoredFile(name, content.length);
  }

  @Override
  public Optional<byte[]> read(String backupId, String name) {
    String object = object(BackupTarget.checkBackupId(backupId), BackupTarget.checkFileName(name));
    try {
      Blob blob = storage.get(BlobId.of(bucket, object));
      if (blob == null) {
        return Optional.empty();
      }
      byte[] content =
          storage.readAllBytes(
              BlobId.of(bucket, object, blob.getGeneration()),
              Storage.BlobSourceOption.generationMatch(blob.getGeneration()));
      String crc32c = Checksums.crc32cBase64(content);
      if (blob.getCrc32c() != null && !blob.getCrc32c().equals(crc32c)) {
        throw new BackupVerificationException(
            backupId,
            name,
            "the bytes read from gs://"
                + bucket
                + "/"
                + object
                + " have crc32c "
                + crc32c
                + ", Cloud Storage lists "
                + blob.getCrc32c());
      }
      return Optional.of(content);
    } catch (StorageException e) {
      throw failure("read", object, e);
    }
  }

  @Override
  public List<StoredFile> list(String backupId) {
    String dir = prefix + BackupTarget.checkBackupId(backupId) + "/";
    List<StoredFile> files = new ArrayList<>();
    try {
      for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(dir)).iterateAll()) {
        String name = blob.getName().substring(dir.length());
        if (!name.isEmpty() && !name.contains("/")) {
          files.add(new StoredFile(name, blob.getSize() == null ? 0 : blob.getSize()));
        }
      }
    } catch (StorageException e) {
      throw failure("list", dir, e);
    }
    files.sort(Comparator.comparing(StoredFile::name));
    return List.copyOf(files);
  }

  @Override
  public List<String> backups() {
    List<String> ids = new ArrayList<>();
    try {
      for (Blob blob :
          storage
              .list(
                  bucket,
                  Storage.BlobListOption.prefix(prefix),
                  Storage.BlobListOption.currentDirectory())
              .iterateAll()) {
        if (blob.isDirectory()) {
          String id = blob.getName().substring(prefix.length());
          ids.add(id.endsWith("/") ? id.substring(0, id.length() - 1) : id);
        }
      }
    } catch (StorageException e) {
      throw failure("list", prefix, e);
    }
    ids.sort(Comparator.naturalOrder());
    return List.copyOf(ids);
  }

  @Override
  public void delete(String backupId) {
    for (StoredFile file : list(backupId)) {
      String object = object(backupId, file.name());
      try {
        storage.delete(BlobId.of(bucket, object));
      } catch (StorageException e) {
        throw failure("delete", object, e);
      }
    }
  }

  private String object(String backupId, String name) {
    return prefix + backupId + "/" + name;
  }

  private OmniyException failure(String action, String object, StorageException e) {
    return new OmniyException(
        "Cloud Storage: could not " + action + " gs://" + bucket + "/" + object, e);
  }
}
