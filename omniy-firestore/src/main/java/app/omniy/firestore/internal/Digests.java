package app.omniy.firestore.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The checksums backups are verified with: SHA-256 (the manifest), CRC32C and MD5 (Cloud Storage).
 */
public final class Digests {
  private Digests() {}

  /** SHA-256 of {@code content}, lowercase hex. */
  public static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(digest("SHA-256", content));
  }

  /** MD5 of {@code content}, base64, as Cloud Storage reports {@code md5Hash}. */
  public static String md5Base64(byte[] content) {
    return Base64.getEncoder().encodeToString(digest("MD5", content));
  }

  /** CRC32C of {@code content}: 4 big-endian bytes in base64, as Cloud Storage reports it. */
  public static String crc32cBase64(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    byte[] bytes = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }
}
