package app.omniy.runtime.internal;

import app.omniy.runtime.probe.Heartbeat;
import app.omniy.runtime.probe.HttpProber;
import app.omniy.runtime.probe.UptimeRobotImporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The outside views of the service as the {@code Omniy} builder configures them (SLA-5): the HTTP
 * prober and the UptimeRobot importer on the runtime's clock, registry and lease owner, the
 * heartbeat on the runtime's clock, registry and health; each then as the host set it, each on a
 * daemon thread of its own from start to shutdown.
 */
public final class ProbeWiring implements AutoCloseable {
  private final @Nullable HttpProber prober;
  private final @Nullable UptimeRobotImporter importer;
  private final @Nullable Heartbeat heartbeat;

  private ProbeWiring(
      @Nullable HttpProber prober,
      @Nullable UptimeRobotImporter importer,
      @Nullable Heartbeat heartbeat) {
    this.prober = prober;
    this.importer = importer;
    this.heartbeat = heartbeat;
  }

  /**
   * Builds what the host asked for, the runtime's defaults first so that {@code configure} may
   * override any of them.
   *
   * @param selfCheck the runtime's health in the heartbeat's terms: empty while well
   */
  public static ProbeWiring build(
      Clock clock,
      MeterRegistry registry,
      String owner,
      @Nullable Consumer<HttpProber.Builder> probes,
      @Nullable Consumer<UptimeRobotImporter.Builder> uptimeRobot,
      @Nullable Consumer<Heartbeat.Builder> heartbeat,
      Supplier<Optional<String>> selfCheck) {
    HttpProber prober = null;
    if (probes != null) {
      HttpProber.Builder b = HttpProber.builder().clock(clock).registry(registry).owner(owner);
      probes.accept(b);
      prober = b.build();
    }
    UptimeRobotImporter importer = null;
    if (uptimeRobot != null) {
      UptimeRobotImporter.Builder b =
          UptimeRobotImporter.builder().clock(clock).registry(registry).owner(owner);
      uptimeRobot.accept(b);
      importer = b.build();
    }
    Heartbeat beat = null;
    if (heartbeat != null) {
      Heartbeat.Builder b =
          Heartbeat.builder().clock(clock).registry(registry).selfCheck(selfCheck);
      heartbeat.accept(b);
      beat = b.build();
    }
    return new ProbeWiring(prober, importer, beat);
  }

  public Optional<HttpProber> prober() {
    return Optional.ofNullable(prober);
  }

  public Optional<UptimeRobotImporter> importer() {
    return Optional.ofNullable(importer);
  }

  public Optional<Heartbeat> heartbeat() {
    return Optional.ofNullable(heartbeat);
  }

  /** Starts each configured one ticking. */
  public void start() {
    prober().ifPresent(HttpProber::start);
    importer().ifPresent(UptimeRobotImporter::start);
    heartbeat().ifPresent(Heartbeat::start);
  }

  /** Stops them; each waits for a round in flight, bounded by its timeouts. */
  @Override
  public void close() {
    heartbeat().ifPresent(Heartbeat::close);
    importer().ifPresent(UptimeRobotImporter::close);
    prober().ifPresent(HttpProber::close);
  }
}
