package app.omniy.files;

import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.spi.AlertRuleSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of one file, reloaded on demand: a file that is rejected leaves the previous rules in
 * force (ALERT-4), and the rejection is kept for the operator to read. Thread-safe.
 *
 * <pre>{@code
 * ReloadableRules rules = ReloadableRules.load(Path.of("alerts.yaml"));
 * rules.reloadIfChanged();            // e.g. every minute
 * evaluatorFor(rules.current());
 * }</pre>
 */
public final class ReloadableRules implements AlertRuleSource {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadableRules.class);

  private final Path file;
  private final AtomicReference<Loaded> loaded;
  private final AtomicReference<@Nullable InvalidFileException> lastRejection =
      new AtomicReference<>();

  /** The rules in force and the bytes they came from. */
  private record Loaded(List<AlertRule> rules, byte[] content) {}

  private ReloadableRules(Path file, Loaded loaded) {
    this.file = file;
    this.loaded = new AtomicReference<>(loaded);
  }

  /**
   * Loads {@code file}; there are no previous rules to keep yet, so a bad file is thrown.
   *
   * @throws InvalidFileException with every problem of the file
   */
  public static ReloadableRules load(Path file) {
    byte[] content = bytes(file);
    return new ReloadableRules(file, new Loaded(RuleFiles.parse(file, content), content));
  }

  /** The rules in force. */
  @Override
  public List<AlertRule> current() {
    return loaded.get().rules();
  }

  /** Why the last reload was rejected, until a reload succeeds. */
  public Optional<InvalidFileException> lastRejection() {
    return Optional.ofNullable(lastRejection.get());
  }

  /**
   * Reads the file again if its content changed.
   *
   * @return whether new rules are now in force; false when unchanged or rejected
   */
  @Override
  public boolean reloadIfChanged() {
    byte[] content;
    try {
      content = bytes(file);
    } catch (InvalidFileException e) {
      reject(e);
      return false;
    }
    if (Arrays.equals(content, loaded.get().content())) {
      return false;
    }
    try {
      loaded.set(new Loaded(RuleFiles.parse(file, content), content));
      lastRejection.set(null);
      LOG.info("Loaded {} alert rules from {}", current().size(), file);
      return true;
    } catch (InvalidFileException e) {
      reject(e);
      return false;
    }
  }

  private void reject(InvalidFileException e) {
    lastRejection.set(e);
    LOG.warn("Kept the previous {} alert rules: {}", current().size(), e.getMessage());
  }

  private static byte[] bytes(Path file) {
    return ConfigFiles.readBytes(file);
  }
}
