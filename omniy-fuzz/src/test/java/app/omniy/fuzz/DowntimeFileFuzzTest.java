package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.sla.DowntimeLedger;
import app.omniy.files.DowntimeFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downtime YAML (SLA-1, SLA-8): any bytes either become a ledger or a documented refusal — the
 * file's own validation and the ledger's (overlapping or inverted periods) included.
 */
class DowntimeFileFuzzTest {
  private static final Path FILE = Path.of("downtime.yaml");

  @FuzzTest(maxDuration = "10s")
  void downtime_files_are_parsed_or_refused_with_a_documented_error(byte[] content) {
    AtomicReference<DowntimeLedger> ledger = new AtomicReference<>();
    boolean accepted =
        Documented.accepts(
            () -> {
              DowntimeFile file = DowntimeFile.parse(FILE, content);
              file.zoneId();
              ledger.set(file.ledger());
            });
    if (accepted) {
      assertThat(ledger.get().periods()).doesNotContainNull();
    }
  }
}
