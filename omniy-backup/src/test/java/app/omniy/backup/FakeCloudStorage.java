package app.omniy.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock standing in for the Cloud Storage JSON API: multipart uploads, object metadata with the
 * {@code crc32c} and {@code md5Hash} Cloud Storage computes, media downloads, listing with a
 * delimiter, deletes. Objects live in memory. It can misbehave on purpose: answer an upload with
 * checksums of other bytes, or flip a byte of a stored object (bit rot) while keeping its listed
 * checksums.
 *
 * <p>Public, in omniy-backup's test jar, so that omniy-firestore's tests back up to it too.
 */
public final class FakeCloudStorage implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
  private final AtomicLong generations = new AtomicLong();
  private final AtomicBoolean wrongChecksumOnNextUpload = new AtomicBoolean();
  private final WireMockServer server;

  private record StoredObject(
      String bucket, String name, byte[] content, String crc32c, String md5, long generation) {}

  public FakeCloudStorage() {
    server =
        new WireMockServer(
            wireMockConfig().dynamicPort().jettyAcceptors(1).extensions(new Transformer()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse()));
  }

  /** {@code http://localhost:PORT}, the host to give {@code StorageOptions}. */
  public String host() {
    return "http://localhost:" + server.port();
  }

  /** The next upload is answered with the checksums of other bytes. */
  public void answerNextUploadWithWrongChecksums() {
    wrongChecksumOnNextUpload.set(true);
  }

  /** Flips the first byte of a stored object, keeping the checksums it is listed with. */
  public void rot(String bucket, String name) {
    objects.computeIfPresent(
        bucket + "/" + name,
        (k, o) -> {
          byte[] damaged = o.content().clone();
          damaged[0] ^= 0x20;
          return new StoredObject(
              o.bucket(), o.name(), damaged, o.crc32c(), o.md5(), o.generation());
        });
  }

  /** The bodies of every upload so far, as text. */
  public java.util.List<String> uploads() {
    return server
        .findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/upload/.*")))
        .stream()
        .map(r -> new String(r.getBody(), StandardCharsets.ISO_8859_1))
        .toList();
  }

  /** The object names stored in {@code bucket}. */
  public TreeSet<String> names(String bucket) {
    TreeSet<String> names = new TreeSet<>();
    objects.values().stream()
        .filter(o -> o.bucket().equals(bucket))
        .forEach(o -> names.add(o.name()));
    return names;
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "fake-cloud-storage";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      try {
        return answer(serveEvent.getRequest());
      } catch (IOException | RuntimeException e) {
        return json(500, error(500, e.toString()));
      }
    }
  }

  private ResponseDefinition answer(Request request) throws IOException {
    URI uri = URI.create(request.getUrl());
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    String method = request.getMethod().getName();
    String[] parts = path.replaceFirst("^/(upload/|download/)?storage/v1/", "").split("/", 4);
    if (parts.length < 3 || !parts[0].equals("b") || !parts[2].equals("o")) {
      return json(404, error(404, "no such route " + method + " " + path));
    }
    String bucket = parts[1];
    if (path.startsWith("/upload/") && method.equals("POST")) {
      return upload(bucket, request);
    }
    if (parts.length == 3 && method.equals("GET")) {
      return list(bucket, query.getOrDefault("prefix", ""), query.get("delimiter"));
    }
    String name = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
    StoredObject object = objects.get(bucket + "/" + name);
    if (object == null) {
      return json(404, error(404, "No such object: " + bucket + "/" + name));
    }
    if (method.equals("DELETE")) {
      objects.remove(bucket + "/" + name);
      return new ResponseDefinitionBuilder().withStatus(204).build();
    }
    if (method.equals("GET") && "media".equals(query.get("alt"))) {
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/octet-stream")
          .withHeader("x-goog-generation", Long.toString(object.generation()))
          .withHeader("x-goog-hash", "crc32c=" + object.crc32c() + ",md5=" + object.md5())
          .withBody(object.content())
          .build();
    }
    if (method.equals("GET")) {
      return json(200, resource(object));
    }
    return json(405, error(405, method + " " + path));
  }

  private ResponseDefinition upload(String bucket, Request request) throws IOException {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.startsWith("multipart/related")) {
      return json(400, error(400, "only multipart uploads are faked, got " + type));
    }
    String boundary = type.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
    String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
    String[] sections = body.split("--" + java.util.regex.Pattern.quote(boundary));
    JsonNode metadata = JSON.readTree(partBody(sections[1]).getBytes(StandardCharsets.ISO_8859_1));
    byte[] content = partBody(sections[2]).getBytes(StandardCharsets.ISO_8859_1);
    String crc32c = Checksums.crc32cBase64(content);
    String md5 = Checksums.md5Base64(content);
    // Like Cloud Storage: an upload whose declared checksums do not match its bytes is rejected.
    if (metadata.hasNonNull("crc32c") && !metadata.get("crc32c").asText().equals(crc32c)) {
      return json(400, error(400, "Provided CRC32C does not match the data"));
    }
    if (metadata.hasNonNull("md5Hash") && !metadata.get("md5Hash").asText().equals(md5)) {
      return json(400, error(400, "Provided MD5 hash does not match the data"));
    }
    String name = metadata.get("name").asText();
    StoredObject object =
        new StoredObject(bucket, name, content, crc32c, md5, generations.incrementAndGet());
    objects.put(bucket + "/" + name, object);
    if (wrongChecksumOnNextUpload.getAndSet(false)) {
      byte[] other = Arrays.copyOf(content, content.length + 1);
      return json(
          200,
          resource(
              new StoredObject(
                  bucket,
                  name,
                  content,
                  Checksums.crc32cBase64(other),
                  Checksums.md5Base64(other),
                  object.generation())));
    }
    return json(200, resource(object));
  }

  /** The body of one multipart section: after the blank line, before the closing CRLF. */
  private static String partBody(String section) {
    int start = section.indexOf("\r\n\r\n") + 4;
    int end = section.endsWith("\r\n") ? section.length() - 2 : section.length();
    return section.substring(start, end);
  }

  private ResponseDefinition list(String bucket, String prefix, String delimiter) {
    ObjectNode out = JSON.createObjectNode().put("kind", "storage#objects");
    ArrayNode items = out.putArray("items");
    TreeSet<String> prefixes = new TreeSet<>();
    for (StoredObject o : objects.values()) {
      if (!o.bucket().equals(bucket) || !o.name().startsWith(prefix)) {
        continue;
      }
      String rest = o.name().substring(prefix.length());
      int cut = delimiter == null ? -1 : rest.indexOf(delimiter);
      if (cut >= 0) {
        prefixes.add(prefix + rest.substring(0, cut + delimiter.length()));
      } else {
        items.add(resource(o));
      }
    }
    ArrayNode dirs = out.putArray("prefixes");
    prefixes.forEach(dirs::add);
    return json(200, out);
  }

  private static ObjectNode resource(StoredObject o) {
    return JSON.createObjectNode()
        .put("kind", "storage#object")
        .put("id", o.bucket() + "/" + o.name() + "/" + o.generation())
        .put("bucket", o.bucket())
        .put("name", o.name())
        .put("generation", Long.toString(o.generation()))
        .put("metageneration", "1")
        .put("size", Integer.toString(o.content().length))
        .put("crc32c", o.crc32c())
        .put("md5Hash", o.md5())
        .put("timeCreated", "2026-11-28T18:00:00.000Z")
        .put("updated", "2026-11-28T18:00:00.000Z");
  }

  private static ObjectNode error(int code, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("error").put("code", code).put("message", message);
    return out;
  }

  private static ResponseDefinition json(int status, ObjectNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(body.toString())
        .build();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new TreeMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }
}
