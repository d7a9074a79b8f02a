package app.omniy.proof;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestorePostStore;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.runtime.Omniy;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One dispatcher process of the crash suite: the real {@link Omniy} runtime on a {@link
 * FirestorePostStore} (the emulator) and the real {@link InstagramPublisher} (the test's fake Graph
 * API over HTTP), with short leases so that a killed worker's posts are recovered in seconds.
 *
 * <p>Arguments are {@code key=value}: {@code emulator}, {@code project}, {@code namespace}, {@code
 * shards}, {@code api}, {@code owner}, {@code leaseMs}, {@code timeoutMs}, {@code threads}, {@code
 * accounts} (comma-separated; each account's token is {@code token-ACCOUNT}).
 *
 * <p>It starts as a standby: connected to the emulator (one read made, so the channel is open), the
 * publisher built, printing {@code STANDBY owner}, but claiming nothing until it reads {@code go};
 * then it starts the runtime and prints {@code READY owner}. So the test's supervisor keeps spare
 * workers through their JVM start and puts one to work the moment another is killed. It prints
 * {@code PAUSED point postId} when an armed {@link CrashPoint} is reached; it reads {@code arm
 * POINT}, {@code disarm} and {@code stop} (a graceful shutdown) from stdin, and halts when stdin
 * closes, so that it never outlives the test.
 */
final class CrashWorker {
  private CrashWorker() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> conf = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      conf.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Duration lease = Duration.ofMillis(Long.parseLong(conf.get("leaseMs")));
    Firestore db = FirestoreConnections.emulator(conf.get("emulator"), conf.get("project"));
    PausingStore store =
        new PausingStore(
            new FirestorePostStore(
                FirestoreStoreOptions.of(db, new SimpleMeterRegistry())
                    .withNamespace(conf.get("namespace")),
                Integer.parseInt(conf.get("shards"))),
            out,
            lease);
    InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    Instant farFuture = Instant.now().plus(Duration.ofDays(50));
    for (String account : conf.get("accounts").split(",")) {
      tokens.put(account, new AccessToken("token-" + account, farFuture));
    }
    // The request timeout stays under half the lease: the lease is renewed before each call when
    // less than half is left, so a live worker's call always ends before its lease can expire.
    GraphApiConfig api =
        GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
            .baseUri(URI.create(conf.get("api")))
            .requestTimeout(Duration.ofMillis(Long.parseLong(conf.get("timeoutMs"))))
            .build();
    String owner = conf.get("owner");
    InstagramPublisher publisher =
        InstagramPublisher.builder(api, tokens).meterRegistry(new SimpleMeterRegistry()).build();
    store.find("standby-" + owner); // opens the channel to the emulator before any post waits
    out.println("STANDBY " + owner);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Omniy omniy = null;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("go") && omniy == null) {
        omniy =
            Omniy.builder()
                .store(store)
                .publisher(publisher)
                .settings(DispatchSettings.defaults(owner).withLeaseDuration(lease))
                .threads(Integer.parseInt(conf.get("threads")))
                .pollInterval(Duration.ofMillis(50))
                .start();
        out.println("READY " + owner);
      } else if (line.startsWith("arm ")) {
        store.arm(CrashPoint.valueOf(line.substring(4).strip()));
      } else if (line.equals("disarm")) {
        store.disarm();
      } else if (line.equals("stop")) {
        if (omniy != null) {
          omniy.shutdown(Duration.ofSeconds(10));
        }
        db.close();
        out.println("STOPPED " + owner);
        System.exit(0);
      }
    }
    Runtime.getRuntime().halt(3); // the test is gone
  }
}
