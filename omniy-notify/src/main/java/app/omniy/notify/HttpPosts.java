package app.omniy.notify;

import app.omniy.core.alert.spi.DeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One HTTP POST of a notifier, classified: 2xx delivered; 429 and 5xx temporary; other statuses
 * permanent; I/O failures (a reset connection, a timeout) temporary.
 */
public final class HttpPosts {
  private HttpPosts() {}

  public static void send(HttpClient client, HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(what + " was interrupted", false, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean temporary = status == 429 || status / 100 == 5;
    String body = response.body();
    if (body.length() > 200) {
      body = body.substring(0, 200) + "…";
    }
    throw new DeliveryException(what + " answered HTTP " + status + ": " + body, temporary);
  }
}
