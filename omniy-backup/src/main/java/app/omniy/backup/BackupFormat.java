package app.omniy.backup;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * The file format of an encrypted configuration backup (BAK-4), JDK crypto only:
 *
 * <pre>
 * "OMNIYBK1"            8 bytes, magic and version
 * header length         2 bytes, big-endian
 * header                UTF-8 lines name=…, created=…, sequence=…, key=…
 * nonce                 12 bytes, random per file (96 bits, GCM's standard size)
 * ciphertext + tag      AES/GCM/NoPadding, 128-bit tag
 * </pre>
 *
 * Everything before the ciphertext is the additional authenticated data, so a changed header, nonce
 * or length fails authentication like a changed ciphertext.
 */
final class BackupFormat {
  private static final byte[] MAGIC = "OMNIYBK1".getBytes(US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int TAG_BYTES = TAG_BITS / 8;
  private static final String CIPHER = "AES/GCM/NoPadding";

  private BackupFormat() {}

  /** The authenticated metadata of one backup. */
  record Header(String name, Instant createdAt, int sequence, String keyId) {
    byte[] bytes() {
      return ("name="
              + name
              + "\ncreated="
              + createdAt
              + "\nsequence="
              + sequence
              + "\nkey="
              + keyId
              + "\n")
          .getBytes(UTF_8);
    }

    static Header parse(String text) {
      Map<String, String> fields = new HashMap<>();
      for (String line : text.split("\n", -1)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return new Header(
          required(fields, "name"),
          Instant.parse(required(fields, "created")),
          Integer.parseInt(required(fields, "sequence")),
          required(fields, "key"));
    }

    private static String required(Map<String, String> fields, String key) {
      String value = fields.get(key);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("missing " + key);
      }
      return value;
    }
  }

  /** Encrypts {@code plaintext} under {@code key} with a fresh random nonce. */
  static byte[] encrypt(Header header, byte[] plaintext, SecretKey key, SecureRandom random)
      throws GeneralSecurityException {
    byte[] head = header.bytes();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    ByteBuffer out =
        ByteBuffer.allocate(
            MAGIC.length + 2 + head.length + NONCE_BYTES + plaintext.length + TAG_BYTES);
    out.put(MAGIC).putShort((short) head.length).put(head).put(nonce);
    Cipher cipher = Cipher.getInstance(CIPHER);
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(out.array(), 0, out.position());
    cipher.doFinal(ByteBuffer.wrap(plaintext), out);
    return out.array();
  }

  /** What {@link #decrypt} found: the authenticated header and the plaintext. */
  record Opened(Header header, byte[] plaintext) {}

  /**
   * Authenticates and decrypts a backup file's bytes.
   *
   * @param keys the key for a key id, or {@code null} when none was supplied
   * @throws BackupIntegrityException naming {@code file} for anything that does not authenticate
   */
  static Opened decrypt(Path file, byte[] bytes, Function<String, @Nullable SecretKey> keys) {
    if (bytes.length < MAGIC.length + 2) {
      throw new BackupIntegrityException(file, "truncated: " + bytes.length + " bytes");
    }
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new BackupIntegrityException(file, "not an Omniy configuration backup (bad magic)");
    }
    int headerLength = ((bytes[MAGIC.length] & 0xff) << 8) | (bytes[MAGIC.length + 1] & 0xff);
    int headerStart = MAGIC.length + 2;
    int nonceStart = headerStart + headerLength;
    int cipherStart = nonceStart + NONCE_BYTES;
    if (bytes.length < cipherStart + TAG_BYTES) {
      throw new BackupIntegrityException(file, "truncated: " + bytes.length + " bytes");
    }
    Header header;
    try {
      header = Header.parse(new String(bytes, headerStart, headerLength, UTF_8));
    } catch (RuntimeException e) {
      throw new BackupIntegrityException(file, "unreadable header: " + e.getMessage());
    }
    SecretKey key = keys.apply(header.keyId());
    if (key == null) {
      throw new BackupIntegrityException(
          file, "encrypted with key '" + header.keyId() + "', which was not supplied");
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, nonceStart, NONCE_BYTES));
      cipher.updateAAD(bytes, 0, cipherStart);
      byte[] plaintext = cipher.doFinal(bytes, cipherStart, bytes.length - cipherStart);
      return new Opened(header, plaintext);
    } catch (AEADBadTagException e) {
      throw new BackupIntegrityException(
          file, "authentication failed: the file was modified or the key is wrong", e);
    } catch (GeneralSecurityException e) {
      throw new BackupIntegrityException(file, "cannot be decrypted: " + e.getMessage(), e);
    }
  }
}
