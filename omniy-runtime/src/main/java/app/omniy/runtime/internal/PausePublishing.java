package app.omniy.runtime.internal;

import app.omniy.core.incident.Incident;
import app.omniy.runtime.incident.Mitigation;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runtime's {@code pause-publishing} mitigation (INC-4 "disable a feature by flag"): publishing
 * stays paused while any incident it was applied to has not recovered, so the first of two
 * overlapping outages to recover does not resume publishing into the other.
 */
public final class PausePublishing implements Mitigation {
  private final Consumer<String> pause;
  private final Runnable resume;
  private final Set<String> holding = new LinkedHashSet<>();

  /**
   * @param pause pauses with a reason, e.g. {@code Omniy::pause}
   * @param resume resumes, e.g. {@code Omniy::resume}
   */
  public PausePublishing(Consumer<String> pause, Runnable resume) {
    this.pause = pause;
    this.resume = resume;
  }

  @Override
  public String name() {
    return "pause publishing";
  }

  @Override
  public synchronized void apply(Incident incident) {
    holding.add(incident.id());
    pause.accept("incident " + incident.id() + ": " + incident.title());
  }

  @Override
  public synchronized void lift(Incident incident) {
    if (holding.remove(incident.id()) && holding.isEmpty()) {
      resume.run();
    }
  }

  /** The incidents holding publishing paused now, in the order they paused it. */
  public synchronized Set<String> holding() {
    return Set.copyOf(holding);
  }
}
