package app.omniy.backup;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/** The checksums Cloud Storage reports for an object, which its backup target verifies (BAK-1). */
final class Checksums {
  private Checksums() {}

  /** MD5 of {@code content}, base64, as Cloud Storage reports {@code md5Hash}. */
  static String md5Base64(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  /** CRC32C of {@code content}: 4 big-endian bytes in base64, as Cloud Storage reports it. */
  static String crc32cBase64(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    byte[] bytes = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return Base64.getEncoder().encodeToString(bytes);
  }
}
