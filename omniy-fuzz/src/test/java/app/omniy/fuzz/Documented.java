package app.omniy.fuzz;

import app.omniy.core.InvalidValueException;
import app.omniy.files.FileProblemsException;
import app.omniy.files.InvalidFileException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule every parser target checks: outside input may be refused only with a documented refusal
 * that tells a person what to fix — an {@link InvalidValueException} naming its field, or an {@link
 * InvalidFileException} (each problem of a {@link FileProblemsException}) naming its field, or for
 * a problem of the whole file the line where reading stopped (text that is not JSON or YAML at
 * all), or nothing for a file with no place to point at (empty, a document with nothing in it,
 * bytes in no Unicode encoding) — with a message in words: no Java class name ({@code
 * java.lang.Integer}, {@code NullPointerException}), and no bug among its causes (a {@code
 * NullPointerException}, a {@code ClassCastException}, an arithmetic overflow, an {@code
 * OutOfMemoryError} or any other {@link Error}). Anything else escapes the target and Jazzer
 * reports it as a finding, with the reason.
 */
final class Documented {
  /**
   * Exceptions that are a bug wherever they come from: a refusal caused by one of them is a crash
   * with a polite wrapper.
   */
  private static final List<Class<? extends Throwable>> BUGS =
      List.of(
          NullPointerException.class,
          ClassCastException.class,
          ArithmeticException.class,
          IndexOutOfBoundsException.class,
          NegativeArraySizeException.class,
          ArrayStoreException.class,
          UnsupportedOperationException.class,
          IllegalStateException.class,
          Error.class);

  /** A Java class name in a message: a package path, or a name ending in Exception or Error. */
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jdk|sun|com|org|app)\\.[a-z0-9_]+\\.|Exception|\\b[A-Z][A-Za-z]*Error\\b");

  private static final Pattern QUOTED = Pattern.compile("(?s)'.*'|\".*\"");

  private Documented() {}

  /** Runs {@code parse}; returns whether it accepted the input, or throws a finding. */
  static boolean accepts(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (InvalidFileException e) {
      requireReadable(e);
      return false;
    } catch (InvalidValueException e) {
      requireReadable(e);
      return false;
    }
  }

  /** Checks a refusal of a value: a field, a readable reason, no bug behind it. */
  static void requireReadable(InvalidValueException e) {
    requireNoBugCause(e);
    if (e.field().isBlank()) {
      throw finding("names no field", e);
    }
    requireWords(e.reason(), e);
  }

  /** Checks a refusal of a file, each problem of it when it lists several. */
  static void requireReadable(InvalidFileException e) {
    requireNoBugCause(e);
    if (e instanceof FileProblemsException problems) {
      if (problems.problems().isEmpty()) {
        throw finding("lists no problem", e);
      }
      problems.problems().forEach(Documented::requireReadable);
      return;
    }
    if (e.field().isBlank() && e.line() < 1 && !isAboutTheWholeFile(e.reason())) {
      throw finding("names neither a field nor a line", e);
    }
    requireWords(e.reason(), e);
  }

  /**
   * The refusals of a whole file that have no place to point at, field and line empty by contract
   * ({@link InvalidFileException#field()}): an empty file, a document with nothing in it (only
   * comments, a bare {@code ---}), bytes in no Unicode encoding.
   */
  private static boolean isAboutTheWholeFile(String reason) {
    return reason.equals("is empty")
        || reason.startsWith("holds no ")
        || reason.startsWith("is not text in UTF-8, UTF-16 or UTF-32: ");
  }

  /**
   * The reason must be words, not a Java message. It may quote the input, which may hold anything
   * (quotes included), so everything from the first quote to the last is left out of the check.
   */
  private static void requireWords(String reason, Exception e) {
    if (reason.isBlank()) {
      throw finding("gives no reason", e);
    }
    String words = QUOTED.matcher(reason).replaceAll("''");
    if (speaksJava(words)) {
      throw finding("speaks Java to the user", e);
    }
  }

  /**
   * Whether {@code text}, with the input it quotes already taken out, names a Java class: a package
   * path, or a name ending in Exception or Error.
   */
  static boolean speaksJava(String text) {
    return CLASS_NAME.matcher(text).find();
  }

  private static void requireNoBugCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      for (Class<? extends Throwable> bug : BUGS) {
        if (bug.isInstance(t)) {
          throw finding("hides a " + t.getClass().getSimpleName() + " as a refusal", e);
        }
      }
      if (t == t.getCause()) {
        break;
      }
    }
  }

  private static AssertionError finding(String what, Throwable e) {
    return new AssertionError(
        "refusal " + what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
