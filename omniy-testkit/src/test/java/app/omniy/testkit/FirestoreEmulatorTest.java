package app.omniy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starts its own emulator (not the shared one) to check that closing it leaves nothing behind. */
class FirestoreEmulatorTest {

  @Test
  void answers_ok_on_its_port_and_leaves_no_process_behind_when_closed() throws Exception {
    var emulator = FirestoreEmulator.start();
    long pid = emulator.pid();
    var children = ProcessHandle.of(pid).orElseThrow().descendants().toList();
    try {
      assertThat(emulator.isRunning()).isTrue();
      assertThat(get("http://" + emulator.hostAndPort() + "/")).isEqualTo("Ok");
      emulator.clear();
    } finally {
      emulator.close();
    }

    assertThat(emulator.isRunning()).isFalse();
    Optional<ProcessHandle> leader = ProcessHandle.of(pid);
    assertThat(leader.filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  private static String get(String uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
        .body()
        .strip();
  }
}
