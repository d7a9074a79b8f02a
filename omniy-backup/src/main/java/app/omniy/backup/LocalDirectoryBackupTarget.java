package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import app.omniy.core.backup.spi.BackupTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link BackupTarget} in a local directory: {@code root/{backupId}/{file}}. Each file is written
 * to a temporary name and moved into place, so a crash never leaves a half-written file under its
 * real name. For a second region (BAK-1), point it at storage that is replicated there, or use
 * {@link CloudStorageBackupTarget}.
 */
public final class LocalDirectoryBackupTarget implements BackupTarget {
  private static final String PARTIAL = ".partial";

  private final Path root;

  /**
   * Backups under {@code root}, which is created if missing.
   *
   * @throws InvalidValueException if {@code root} is missing
   */
  public LocalDirectoryBackupTarget(Path root) {
    Require.nonNull(root, "root");
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public StoredFile put(String backupId, String name, byte[] content) {
    Path dir = root.resolve(BackupTarget.checkBackupId(backupId));
    Path file = dir.resolve(BackupTarget.checkFileName(name));
    Require.nonNull(content, "content");
    try {
      Files.createDirectories(dir);
      Path partial = dir.resolve("." + name + PARTIAL);
      Files.write(partial, content);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new StoredFile(name, Files.size(file));
    } catch (IOException e) {
      throw new OmniyException("could not write backup file " + file, e);
    }
  }

  @Override
  public Optional<byte[]> read(String backupId, String name) {
    Path file =
        root.resolve(BackupTarget.checkBackupId(backupId))
            .resolve(BackupTarget.checkFileName(name));
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new OmniyException("could not read backup file " + file, e);
    }
  }

  @Override
  public List<StoredFile> list(String backupId) {
    Path dir = root.resolve(BackupTarget.checkBackupId(backupId));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<StoredFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(p)) {
          files.add(new StoredFile(name, Files.size(p)));
        }
      }
    } catch (IOException e) {
      throw new OmniyException("could not list backup " + dir, e);
    }
    files.sort(Comparator.comparing(StoredFile::name));
    return List.copyOf(files);
  }

  @Override
  public List<String> backups() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(this::holdsFiles)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new OmniyException("could not list backups in " + root, e);
    }
  }

  private boolean holdsFiles(String directoryName) {
    try {
      return !list(directoryName).isEmpty();
    } catch (InvalidValueException notABackupId) {
      return false; // a directory someone else put here
    }
  }

  @Override
  public void delete(String backupId) {
    Path dir = root.resolve(BackupTarget.checkBackupId(backupId));
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new OmniyException("could not delete backup " + dir, e);
    }
  }
}
