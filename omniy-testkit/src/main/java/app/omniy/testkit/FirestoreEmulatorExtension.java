package app.omniy.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a real Firestore emulator.
 *
 * <p>One emulator is started for the whole test run, the first time a test asks for it, and stopped
 * (its whole process group) when the run ends. Every document is deleted before each test, so tests
 * never see each other's data. Declare a {@link FirestoreEmulator} parameter on a test method, a
 * lifecycle method or the constructor:
 *
 * <pre>{@code
 * @ExtendWith(FirestoreEmulatorExtension.class)
 * class MyStoreTest {
 *   @Test
 *   void stores(FirestoreEmulator emulator) { ... emulator.hostAndPort() ... }
 * }
 * }</pre>
 *
 * <p>If the emulator is not installed, the tests fail (they are not skipped) with a message naming
 * the Debian package {@code google-cloud-cli-firestore-emulator}.
 */
public final class FirestoreEmulatorExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FirestoreEmulatorExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator(context).clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FirestoreEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator(context);
  }

  /**
   * The run's shared emulator. The root store closes it, as an {@link AutoCloseable}, when the test
   * run ends.
   */
  private static FirestoreEmulator emulator(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            FirestoreEmulator.class, type -> FirestoreEmulator.start(), FirestoreEmulator.class);
  }
}
