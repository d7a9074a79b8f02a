package app.omniy.testkit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the Firestore emulator's jar, or fails saying how to install it. */
final class EmulatorInstallation {
  static final String JAR_VARIABLE = "FIRESTORE_EMULATOR_JAR";
  private static final Path JAR_IN_SDK =
      Path.of("platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar");

  private EmulatorInstallation() {}

  static Path locateJar() {
    List<Path> tried = new ArrayList<>();
    Optional<Path> configured =
        Optional.ofNullable(System.getenv(JAR_VARIABLE)).filter(v -> !v.isBlank()).map(Path::of);
    if (configured.isPresent()) {
      if (Files.isRegularFile(configured.get())) {
        return configured.get();
      }
      throw new IllegalStateException(JAR_VARIABLE + " = '" + configured.get() + "' is not a file");
    }
    for (Path sdk : sdkRoots()) {
      Path jar = sdk.resolve(JAR_IN_SDK);
      tried.add(jar);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IllegalStateException(
        "The Firestore emulator is not installed (looked for "
            + tried
            + "). Install the Debian package google-cloud-cli-firestore-emulator "
            + "(apt-get install google-cloud-cli-firestore-emulator, from Google's Cloud SDK "
            + "apt repository) or set "
            + JAR_VARIABLE
            + " to the emulator's jar.");
  }

  /** The Cloud SDK roots to look in: the Debian package's, and the one {@code gcloud} is in. */
  private static List<Path> sdkRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("/usr/lib/google-cloud-sdk"));
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path gcloud = Path.of(dir, "gcloud");
      if (Files.isExecutable(gcloud)) {
        try {
          // <sdk>/bin/gcloud, often reached through a symbolic link on the PATH
          Path bin = gcloud.toRealPath().getParent();
          Path sdk = bin == null ? null : bin.getParent();
          if (sdk != null && !roots.contains(sdk)) {
            roots.add(sdk);
          }
        } catch (IOException e) {
          // An unreadable link is no installation; keep looking.
        }
      }
    }
    return roots;
  }
}
