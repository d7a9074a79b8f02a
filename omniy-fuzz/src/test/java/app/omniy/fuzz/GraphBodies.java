package app.omniy.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Graph API response bodies (see the reference's content-publishing flow and error codes): mostly
 * the real shapes with fuzzed values, so the fuzzer reaches the code that reads them, and sometimes
 * anything at all.
 */
final class GraphBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STATUS_CODES = {
    "FINISHED", "IN_PROGRESS", "ERROR", "EXPIRED", "PUBLISHED"
  };
  private static final int[] ERROR_CODES = {
    1, 2, 4, 9, 10, 17, 24, 25, 32, 100, 190, 368, 613, 4, 9007, 80002
  };

  private final FuzzedDataProvider data;

  GraphBodies(FuzzedDataProvider data) {
    this.data = data;
  }

  String next() {
    ObjectNode body = JSON.createObjectNode();
    switch (data.consumeInt(0, 6)) {
      case 0 -> body.put("id", data.consumeString(30));
      case 1 -> {
        body.put(
            "status_code",
            data.consumeBoolean() ? data.pickValue(STATUS_CODES) : data.consumeString(20));
        body.put("status", data.consumeString(80));
        body.put("id", data.consumeString(30));
      }
      case 2 -> {
        ObjectNode error = body.putObject("error");
        error.put("message", data.consumeString(80));
        error.put("type", data.consumeBoolean() ? "OAuthException" : data.consumeString(20));
        error.put("code", data.consumeBoolean() ? data.pickValue(ERROR_CODES) : data.consumeInt());
        if (data.consumeBoolean()) {
          error.put("error_subcode", data.consumeInt());
        }
        if (data.consumeBoolean()) {
          error.put("is_transient", data.consumeBoolean());
        }
        if (data.consumeBoolean()) {
          error.put("estimated_time_to_regain_access", data.consumeInt());
        }
        error.put("fbtrace_id", data.consumeString(20));
      }
      case 3 -> {
        ObjectNode limit = body.putArray("data").addObject();
        limit.put("quota_usage", data.consumeInt());
        ObjectNode config = limit.putObject("config");
        config.put("quota_total", data.consumeInt());
        config.put("quota_duration", data.consumeInt());
      }
      case 4 -> {
        body.put("access_token", data.consumeString(60));
        body.put("token_type", "bearer");
        body.put("expires_in", data.consumeLong());
      }
      case 5 -> body.putArray("data").addObject().put("id", data.consumeString(30));
      default -> {
        return data.consumeString(500);
      }
    }
    return body.toString();
  }

  String usageHeader() {
    if (data.consumeBoolean()) {
      return data.consumeString(100);
    }
    ObjectNode usage = JSON.createObjectNode();
    usage.put("call_count", data.consumeInt(-5, 200));
    usage.put("total_cputime", data.consumeInt(-5, 200));
    usage.put("total_time", data.consumeInt(-5, 200));
    usage.put("estimated_time_to_regain_access", data.consumeInt());
    return usage.toString();
  }
}
