package app.omniy.firestore.internal;

import app.omniy.core.OmniyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.GeoPoint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Firestore values as JSON in the typed form of Firestore's REST API ({@code {"integerValue":
 * "42"}}, {@code {"mapValue": {"fields": {...}}}}…), so a backup restores every value with its
 * exact type: an integer never comes back as a double, a timestamp keeps its nanoseconds, bytes
 * stay bytes. Map keys are written in sorted order, so the same document always encodes to the same
 * bytes.
 */
public final class ValueCodec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ValueCodec() {}

  /** The fields of a document as a typed JSON object. */
  public static ObjectNode encodeFields(Map<String, Object> fields) {
    ObjectNode out = JSON.objectNode();
    new TreeMap<>(fields).forEach((name, value) -> out.set(name, encode(value)));
    return out;
  }

  /** One value, typed. */
  public static ObjectNode encode(@Nullable Object value) {
    ObjectNode out = JSON.objectNode();
    if (value == null) {
      out.putNull("nullValue");
    } else if (value instanceof Boolean b) {
      out.put("booleanValue", b);
    } else if (value instanceof Long || value instanceof Integer) {
      out.put("integerValue", value.toString());
    } else if (value instanceof Double d) {
      // JSON has no NaN or infinities; the REST API writes those as strings too.
      if (Double.isFinite(d)) {
        out.put("doubleValue", d);
      } else {
        out.put("doubleValue", d.toString());
      }
    } else if (value instanceof String s) {
      out.put("stringValue", s);
    } else if (value instanceof Timestamp t) {
      out.put("timestampValue", t.toString());
    } else if (value instanceof Blob blob) {
      out.put("bytesValue", Base64.getEncoder().encodeToString(blob.toBytes()));
    } else if (value instanceof DocumentReference ref) {
      out.put("referenceValue", ref.getPath());
    } else if (value instanceof GeoPoint point) {
      ObjectNode geo = out.putObject("geoPointValue");
      geo.put("latitude", point.getLatitude());
      geo.put("longitude", point.getLongitude());
    } else if (value instanceof List<?> list) {
      ArrayNode values = out.putObject("arrayValue").putArray("values");
      list.forEach(item -> values.add(encode(item)));
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode fields = out.putObject("mapValue").putObject("fields");
      new TreeMap<>(map).forEach((k, v) -> fields.set(String.valueOf(k), encode(v)));
    } else {
      throw new OmniyException(
          "a Firestore value of type " + value.getClass().getName() + " cannot be backed up");
    }
    return out;
  }

  /** A typed JSON object back as document fields; references point into {@code db}. */
  public static Map<String, @Nullable Object> decodeFields(JsonNode fields, Firestore db) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      out.put(field.getKey(), decode(field.getValue(), db));
    }
    return out;
  }

  /** One typed value back as the Java value the Firestore client writes. */
  public static @Nullable Object decode(JsonNode typed, Firestore db) {
    if (!typed.isObject() || typed.size() != 1) {
      throw new OmniyException("not a typed Firestore value: " + typed);
    }
    Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "nullValue" -> null;
      case "booleanValue" -> v.booleanValue();
      case "integerValue" -> Long.parseLong(v.asText());
      case "doubleValue" -> v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue();
      case "stringValue" -> v.asText();
      case "timestampValue" -> Timestamp.parseTimestamp(v.asText());
      case "bytesValue" -> Blob.fromBytes(Base64.getDecoder().decode(v.asText()));
      case "referenceValue" -> db.document(v.asText());
      case "geoPointValue" ->
          new GeoPoint(v.get("latitude").doubleValue(), v.get("longitude").doubleValue());
      case "arrayValue" -> decodeArray(v.path("values"), db);
      case "mapValue" -> decodeFields(v.path("fields"), db);
      default -> throw new OmniyException("unknown Firestore value type " + only.getKey());
    };
  }

  private static List<@Nullable Object> decodeArray(JsonNode values, Firestore db) {
    List<@Nullable Object> out = new ArrayList<>(values.size());
    values.forEach(item -> out.add(decode(item, db)));
    return out;
  }
}
