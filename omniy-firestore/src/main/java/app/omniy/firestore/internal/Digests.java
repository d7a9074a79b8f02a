package app.omniy.firestore.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum backups are verified with: SHA-256 of each file, recorded in the manifest (BAK-1).
 * The Cloud Storage target's CRC32C and MD5 checks are in omniy-backup.
 */
public final class Digests {
  private Digests() {}

  /** SHA-256 of {@code content}, lowercase hex. */
  public static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(digest("SHA-256", content));
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }
}
