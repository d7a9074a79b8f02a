package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to do when a rule fires: a link to the full procedure and the first steps, short enough to
 * read on a phone at 3 a.m. Notifications carry both.
 *
 * @param url the full procedure, an absolute http or https URL; null for none
 * @param steps the first steps, in order; at most {@value #MAX_STEPS}, each at most {@value
 *     #MAX_STEP_CHARS} characters
 */
public record Runbook(@Nullable URI url, List<String> steps) {
  /** No runbook. */
  public static final Runbook NONE = new Runbook(null, List.of());

  /** The most first steps a runbook carries: more belong behind the URL. */
  public static final int MAX_STEPS = 10;

  /** The longest first step. */
  public static final int MAX_STEP_CHARS = 300;

  /**
   * @throws InvalidValueException naming {@code runbook.url} or {@code runbook.steps} if the URL is
   *     not an absolute http(s) URL, or a step is blank, too long, or there are too many
   */
  public Runbook {
    if (url != null) {
      String scheme = url.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || url.getHost() == null) {
        throw new InvalidValueException(
            "runbook.url", url, "must be an absolute http or https URL");
      }
    }
    steps = List.copyOf(Require.nonNull(steps, "runbook.steps"));
    if (steps.size() > MAX_STEPS) {
      throw new InvalidValueException(
          "runbook.steps", steps.size(), "must list at most " + MAX_STEPS + " steps");
    }
    for (int i = 0; i < steps.size(); i++) {
      String step = Require.nonBlank(steps.get(i), "runbook.steps." + i);
      if (step.length() > MAX_STEP_CHARS) {
        throw new InvalidValueException(
            "runbook.steps." + i, step, "must be at most " + MAX_STEP_CHARS + " characters");
      }
    }
  }

  /** A runbook of first steps without a link. */
  public static Runbook of(String... steps) {
    return new Runbook(null, List.of(steps));
  }

  /** This runbook with {@code url}. */
  public Runbook withUrl(URI url) {
    return new Runbook(Require.nonNull(url, "runbook.url"), steps);
  }

  /** Whether it has neither a URL nor steps. */
  public boolean isEmpty() {
    return url == null && steps.isEmpty();
  }

  /**
   * The runbook as plain text: numbered steps, one a line, then the URL — what e-mail and Slack
   * show.
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      text.append(i + 1).append(". ").append(steps.get(i)).append('\n');
    }
    if (url != null) {
      text.append(url).append('\n');
    }
    return text.toString();
  }
}
