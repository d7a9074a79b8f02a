package app.omniy.core.post;

import app.omniy.core.OmniyException;
import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A post broke one or more rules (POST-2); {@link #violations()} lists every one of them. */
public class PostRejectedException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf of records; serialised as such
  private final List<Violation> violations;

  /**
   * @param violations the rules broken, at least one
   */
  public PostRejectedException(List<Violation> violations) {
    super(
        "post rejected: "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Every rule the post broke, in the order checked. */
  public List<Violation> violations() {
    return violations;
  }
}
