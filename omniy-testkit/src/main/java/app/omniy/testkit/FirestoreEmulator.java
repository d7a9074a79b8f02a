package app.omniy.testkit;

import app.omniy.testkit.internal.EmulatorProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real Google Cloud Firestore emulator, started on a free loopback port in a process group of its
 * own. {@link #close()} stops the whole group, so no emulator outlives the test run.
 *
 * <p>Most tests get one through {@link FirestoreEmulatorExtension}, which shares a single instance
 * per test run and clears its data before each test. Connect a client to {@link #hostAndPort()}
 * with project {@link #projectId()}.
 */
public final class FirestoreEmulator implements AutoCloseable {
  /** A {@code demo-} project id: the client libraries never try to reach Google with it. */
  public static final String DEFAULT_PROJECT_ID = "demo-omniy";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * The first clear after a start is answered by a cold emulator JVM: on a loaded 2-core machine it
   * took over 10 s (seen failing CI-like runs at load average 30), so allow a minute.
   */
  private static final Duration CLEAR_TIMEOUT = Duration.ofSeconds(60);

  private final EmulatorProcess process;
  private final String projectId;

  private FirestoreEmulator(EmulatorProcess process, String projectId) {
    this.process = process;
    this.projectId = projectId;
  }

  /**
   * Starts an emulator and waits until it answers.
   *
   * @throws IllegalStateException if the emulator is not installed (the message says how to install
   *     it) or does not come up
   */
  public static FirestoreEmulator start() {
    return new FirestoreEmulator(EmulatorProcess.start(), DEFAULT_PROJECT_ID);
  }

  /** {@code 127.0.0.1:PORT}, the value for {@code FIRESTORE_EMULATOR_HOST}. */
  public String hostAndPort() {
    return process.hostAndPort();
  }

  /** The project id the data lives under. */
  public String projectId() {
    return projectId;
  }

  /** The operating-system id of the emulator's process (also its process group id). */
  public long pid() {
    return process.pid();
  }

  /** Whether the emulator's process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Deletes every document in the project's default database. */
  public void clear() {
    URI uri =
        URI.create(
            "http://"
                + hostAndPort()
                + "/emulator/v1/projects/"
                + projectId
                + "/databases/(default)/documents");
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).DELETE().timeout(CLEAR_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "clearing the Firestore emulator answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear the Firestore emulator at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while clearing the Firestore emulator", e);
    }
  }

  /** Stops the emulator's whole process group and waits until it is gone. */
  @Override
  public void close() {
    process.stop();
  }
}
