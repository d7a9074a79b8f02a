package app.omniy.testkit.graph;

/** What the fake answers: an HTTP status and a JSON body. */
record Reply(int status, String body) {
  static Reply ok(Json.Object body) {
    return new Reply(200, body.toString());
  }

  static Reply error(GraphError error, String fbtraceId) {
    return new Reply(error.httpStatus(), error.toJson(fbtraceId));
  }
}
