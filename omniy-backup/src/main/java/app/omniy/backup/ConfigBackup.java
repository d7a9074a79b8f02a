package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted configuration backup (BAK-4: "configuration and secrets are backed up encrypted on
 * every change, kept 6 months"). Each registered item — a rule file, an API key, a webhook secret —
 * is written, whenever its content changed, to its own file in a directory, encrypted with AES-GCM
 * under the host's key (JDK crypto only; a random 96-bit nonce per file; the header with the item's
 * name, time and key id authenticated as additional data).
 *
 * <pre>{@code
 * ConfigBackup backup = ConfigBackup.builder(Path.of("/secure/config-backups"), clock)
 *     .key("2026-03", aesKey)                         // the key the host supplies
 *     .build();
 * backup.registerFile("alerts.yaml", Path.of("alerts.yaml"));
 * backup.register("stripe-webhook-secret", () -> secret.getBytes(UTF_8));
 * backup.backupChanged();                              // after every change, and daily at 03:00
 * byte[] rules = backup.restoreLatest("alerts.yaml").orElseThrow();
 * }</pre>
 *
 * <p>Retention: a backup older than six months (by the calendar in {@link Builder#zone}, JST by
 * default) is deleted after each write and by {@link #prune()}, except the newest of each item,
 * which is always kept so that every item stays restorable. After a key rotation (MNT-2, the 15th),
 * supply the new key with {@link Builder#key} and the old ones with {@link Builder#oldKey} so older
 * backups stay readable.
 *
 * <p>Restoring authenticates the whole file: a flipped byte, a truncated file, a renamed file or a
 * wrong key throws {@link BackupIntegrityException} naming the file. Content and keys are never
 * logged nor put in a message. Thread-safe within one process; two processes must not share a
 * directory.
 */
public final class ConfigBackup {
  /** How long backups are kept: six months (BAK-4). */
  public static final Period DEFAULT_RETENTION = Period.ofMonths(6);

  /** The zone whose calendar counts the months: JST. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

  /** The largest item accepted, 16 MiB: configuration, not data. */
  public static final int MAX_ITEM_BYTES = 16 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ConfigBackup.class);

  private final Path directory;
  private final Clock clock;
  private final String keyId;
  private final Map<String, SecretKey> keys;
  private final Period retention;
  private final ZoneId zone;
  private final SecureRandom random;
  private final Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
  private final Map<String, byte[]> lastDigest = new HashMap<>();

  private ConfigBackup(Builder b) {
    this.directory = b.directory;
    this.clock = b.clock;
    this.keyId = b.keyId;
    this.keys = Map.copyOf(b.keys);
    this.retention = b.retention;
    this.zone = b.zone;
    this.random = b.random;
  }

  /**
   * A builder writing to {@code directory} (created when missing) at times read from {@code clock}.
   *
   * @throws InvalidValueException when an argument is missing
   */
  public static Builder builder(Path directory, Clock clock) {
    Require.nonNull(directory, "directory");
    Require.nonNull(clock, "clock");
    return new Builder(directory, clock);
  }

  /**
   * Registers an item whose current content {@code source} supplies; {@link #backupChanged()} reads
   * it each time.
   *
   * @throws InvalidValueException when the name is not a valid item name or is taken
   */
  public synchronized void register(String name, Supplier<byte[]> source) {
    checkName(name);
    Require.nonNull(source, "source");
    if (sources.putIfAbsent(name, source) != null) {
      throw new InvalidValueException("name", name, "is already registered");
    }
  }

  /**
   * Registers a file; {@link #backupChanged()} reads it each time.
   *
   * @throws InvalidValueException when the name is not a valid item name or is taken
   */
  public void registerFile(String name, Path file) {
    Require.nonNull(file, "file");
    register(
        name,
        () -> {
          try {
            return Files.readAllBytes(file);
          } catch (IOException e) {
            throw new OmniyException("cannot read " + file + " to back it up: " + e, e);
          }
        });
  }

  /**
   * Reads every registered item and backs up those whose content changed since their latest backup.
   * An item that cannot be read (its supplier throws) is logged and skipped; the others are still
   * backed up.
   *
   * @return the backups written, in registration order
   */
  public synchronized List<BackupEntry> backupChanged() {
    List<BackupEntry> written = new ArrayList<>();
    sources.forEach(
        (name, source) -> {
          try {
            store(name, source.get()).ifPresent(written::add);
          } catch (OmniyException e) {
            LOG.error("Configuration item '{}' was not backed up: {}", name, e.getMessage());
          } catch (RuntimeException e) {
            // The host's supplier failed; its message might quote the secret, so only the type.
            LOG.error(
                "Configuration item '{}' was not backed up: {}", name, e.getClass().getName());
          }
        });
    return written;
  }

  /**
   * Backs up {@code content} as the item {@code name} when it differs from the item's latest backup
   * (the first time, always), then deletes backups past retention.
   *
   * @return the backup written; empty when the content is unchanged
   * @throws InvalidValueException when the name is invalid or the content too large
   * @throws OmniyException when the file cannot be written
   */
  public synchronized Optional<BackupEntry> store(String name, byte[] content) {
    checkName(name);
    Require.nonNull(content, "content");
    if (content.length > MAX_ITEM_BYTES) {
      // Only the size goes into the message: the content may be a secret.
      throw new InvalidValueException(
          "content", content.length + " bytes", "must be at most " + MAX_ITEM_BYTES + " bytes");
    }
    byte[] digest = sha256(content);
    if (MessageDigest.isEqual(digest, latestDigest(name))) {
      return Optional.empty();
    }
    BackupEntry entry = write(name, content);
    lastDigest.put(name, digest);
    LOG.info(
        "Backed up configuration item '{}' to {} ({} bytes, encrypted with key '{}')",
        name,
        entry.file().getFileName(),
        content.length,
        keyId);
    prune();
    return Optional.of(entry);
  }

  /** Every backup in the directory, by item name then oldest first. Reads names only. */
  public synchronized List<BackupEntry> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .flatMap(
              file ->
                  BackupNames.parse(file).stream()
                      .map(p -> new BackupEntry(p.item(), p.createdAt(), p.sequence(), file)))
          .sorted(ORDER)
          .toList();
    } catch (IOException e) {
      throw new OmniyException("cannot list backups in " + directory + ": " + e, e);
    }
  }

  /** The backups of one item, oldest first. */
  public List<BackupEntry> list(String name) {
    return list().stream().filter(e -> e.name().equals(name)).toList();
  }

  /** The newest backup of an item, if any. */
  public Optional<BackupEntry> latest(String name) {
    List<BackupEntry> entries = list(name);
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  /**
   * Decrypts one backup after authenticating all of it.
   *
   * @throws BackupIntegrityException naming the file when it was modified, truncated or renamed, or
   *     the key is missing or wrong
   * @throws OmniyException when the file cannot be read
   */
  public byte[] restore(BackupEntry entry) {
    Path file = entry.file();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_ITEM_BYTES + 4096L) {
        throw new BackupIntegrityException(file, "larger than any backup this library writes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OmniyException("cannot read backup " + file + ": " + e, e);
    }
    BackupFormat.Opened opened = BackupFormat.decrypt(file, bytes, keys::get);
    BackupFormat.Header header = opened.header();
    if (!header.name().equals(entry.name())
        || !header.createdAt().equals(entry.createdAt())
        || header.sequence() != entry.sequence()) {
      throw new BackupIntegrityException(
          file, "its authenticated header is of another backup (the file was renamed)");
    }
    return opened.plaintext();
  }

  /** The content of an item's newest backup, if any; see {@link #restore}. */
  public Optional<byte[]> restoreLatest(String name) {
    return latest(name).map(this::restore);
  }

  /**
   * Deletes backups older than the retention at the clock's instant, keeping each item's newest.
   *
   * @return the backups deleted
   */
  public synchronized List<BackupEntry> prune() {
    Instant cutoff = clock.instant().atZone(zone).minus(retention).toInstant();
    Map<String, BackupEntry> newest = new HashMap<>();
    List<BackupEntry> all = list();
    all.forEach(e -> newest.put(e.name(), e)); // sorted oldest first: the last one wins
    List<BackupEntry> deleted = new ArrayList<>();
    for (BackupEntry entry : all) {
      if (entry.createdAt().isBefore(cutoff) && !newest.get(entry.name()).equals(entry)) {
        try {
          Files.deleteIfExists(entry.file());
          deleted.add(entry);
        } catch (IOException e) {
          LOG.warn("Could not delete expired backup {}: {}", entry.file(), e.toString());
        }
      }
    }
    if (!deleted.isEmpty()) {
      LOG.info("Deleted {} configuration backup(s) older than {}", deleted.size(), retention);
    }
    return deleted;
  }

  private byte[] latestDigest(String name) {
    byte[] known = lastDigest.get(name);
    if (known != null) {
      return known;
    }
    // After a restart: compare with the newest backup's content, if it is still readable.
    try {
      return restoreLatest(name).map(ConfigBackup::sha256).orElse(new byte[0]);
    } catch (OmniyException e) {
      LOG.warn("Latest backup of '{}' is unreadable, writing a new one: {}", name, e.getMessage());
      return new byte[0];
    }
  }

  private BackupEntry write(String name, byte[] content) {
    Instant now = clock.instant();
    try {
      Files.createDirectories(directory);
      int sequence = 0;
      Path file = directory.resolve(BackupNames.fileName(name, now, sequence));
      while (Files.exists(file)) {
        file = directory.resolve(BackupNames.fileName(name, now, ++sequence));
      }
      byte[] bytes =
          BackupFormat.encrypt(
              new BackupFormat.Header(name, now, sequence, keyId),
              content,
              keys.get(keyId),
              random);
      // Written beside the target, owner-only on POSIX, then moved into place in one step.
      Path part = Files.createTempFile(directory, ".", ".part");
      try {
        Files.write(part, bytes);
        move(part, file);
      } finally {
        Files.deleteIfExists(part);
      }
      return new BackupEntry(name, now, sequence, file);
    } catch (IOException e) {
      throw new OmniyException(
          "cannot write backup of '" + name + "' in " + directory + ": " + e, e);
    } catch (GeneralSecurityException e) {
      throw new OmniyException("cannot encrypt backup of '" + name + "': " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void checkName(String name) {
    if (name == null || !BackupNames.ITEM.matcher(name).matches()) {
      throw new InvalidValueException(
          "name",
          name,
          "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  private static final Comparator<BackupEntry> ORDER =
      Comparator.comparing(BackupEntry::name)
          .thenComparing(BackupEntry::createdAt)
          .thenComparingInt(BackupEntry::sequence);

  /** Builds a {@link ConfigBackup}; a key is required. */
  public static final class Builder {
    private final Path directory;
    private final Clock clock;
    private String keyId = "";
    private final Map<String, SecretKey> keys = new HashMap<>();
    private Period retention = DEFAULT_RETENTION;
    private ZoneId zone = DEFAULT_ZONE;
    private SecureRandom random = new SecureRandom();

    private Builder(Path directory, Clock clock) {
      this.directory = directory;
      this.clock = clock;
    }

    /**
     * The key new backups are encrypted with, and its id (recorded in each file so the right key is
     * found after a rotation).
     *
     * @throws InvalidValueException when the id is invalid or the key is not a 128-, 192- or
     *     256-bit AES key (the key itself is never put in the message)
     */
    public Builder key(String id, SecretKey key) {
      put(id, key);
      this.keyId = id;
      return this;
    }

    /** A previous key, to restore backups written before a rotation. */
    public Builder oldKey(String id, SecretKey key) {
      put(id, key);
      return this;
    }

    /** How long backups are kept; defaults to six months (BAK-4). */
    public Builder retention(Period retention) {
      if (retention == null || retention.isNegative() || retention.isZero()) {
        throw new InvalidValueException("retention", retention, "must be positive");
      }
      this.retention = retention;
      return this;
    }

    /** The zone whose calendar counts the retention's months; defaults to JST. */
    public Builder zone(ZoneId zone) {
      Require.nonNull(zone, "zone");
      this.zone = zone;
      return this;
    }

    /** The source of nonces; defaults to a new {@link SecureRandom}. */
    public Builder random(SecureRandom random) {
      Require.nonNull(random, "random");
      this.random = random;
      return this;
    }

    /**
     * @throws InvalidValueException when no key was given
     */
    public ConfigBackup build() {
      if (keyId.isEmpty()) {
        throw new InvalidValueException("key", null, "is required: call key(id, aesKey)");
      }
      return new ConfigBackup(this);
    }

    private void put(String id, SecretKey key) {
      if (id == null || !BackupNames.KEY_ID.matcher(id).matches()) {
        throw new InvalidValueException(
            "keyId", id, "must be 1-64 letters, digits, '.', '_' or '-'");
      }
      byte[] encoded = key == null ? null : key.getEncoded();
      int bytes = encoded == null ? 0 : encoded.length;
      if (key == null
          || !"AES".equalsIgnoreCase(key.getAlgorithm())
          || (bytes != 16 && bytes != 24 && bytes != 32)) {
        throw new InvalidValueException("key", null, "must be an AES key of 128, 192 or 256 bits");
      }
      Arrays.fill(encoded, (byte) 0);
      keys.put(id, key);
    }
  }
}
