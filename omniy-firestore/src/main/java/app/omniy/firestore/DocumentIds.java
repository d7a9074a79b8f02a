package app.omniy.firestore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Document ids made from Omniy's own ids, which may hold characters Firestore forbids. */
final class DocumentIds {
  private DocumentIds() {}

  /**
   * {@code id} usable as a Firestore document id: percent-encoded, so {@code /} cannot make a path
   * and the ids {@code .} and {@code ..} cannot occur; plain ids ({@code evt_123}) stay readable.
   */
  static String encode(String id) {
    String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace(".", "%2E");
    return encoded.startsWith("__") ? "%5F" + encoded.substring(1) : encoded;
  }
}
