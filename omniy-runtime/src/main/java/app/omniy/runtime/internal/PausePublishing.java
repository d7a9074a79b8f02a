package app.omniy.runtime.internal;

import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.runtime.incident.Mitigation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's {@code pause-publishing} mitigation (INC-4 "disable a feature by flag"): publishing
 * stays paused while any incident it was applied to has not recovered, so the first of two
 * overlapping outages to recover does not resume publishing into the other. The incidents holding
 * the pause are also read from the shared incident store, so a runtime that took over an incident
 * from one that died (the pause is in the shared controls, the holder was only in the dead
 * runtime's memory) lifts it on recovery, and does not lift it while another runtime's unrecovered
 * incident still holds it.
 */
public final class PausePublishing implements Mitigation {
  private static final Logger LOG = LoggerFactory.getLogger(PausePublishing.class);

  private final Consumer<String> pause;
  private final Runnable resume;
  private final Supplier<List<Incident>> unresolved;
  private final Set<String> holding = new LinkedHashSet<>();

  /**
   * A pause held in this runtime's memory only.
   *
   * @param pause pauses with a reason, e.g. {@code Omniy::pause}
   * @param resume resumes, e.g. {@code Omniy::resume}
   */
  public PausePublishing(Consumer<String> pause, Runnable resume) {
    this(pause, resume, List::of);
  }

  /**
   * @param pause pauses with a reason, e.g. {@code Omniy::pause}
   * @param resume resumes, e.g. {@code Omniy::resume}
   * @param unresolved the shared store's unresolved incidents ({@code IncidentStore::unresolved})
   */
  public PausePublishing(
      Consumer<String> pause, Runnable resume, Supplier<List<Incident>> unresolved) {
    this.pause = pause;
    this.resume = resume;
    this.unresolved = unresolved;
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
    holding.remove(incident.id());
    if (holding.isEmpty() && !heldByAnother(incident)) {
      resume.run();
    }
  }

  /** Whether another unrecovered incident in the shared store holds the pause (INC-4). */
  private boolean heldByAnother(Incident lifted) {
    try {
      return unresolved.get().stream()
          .anyMatch(
              other ->
                  !other.id().equals(lifted.id())
                      && other.at(Milestone.RECOVERED).isEmpty()
                      && other.mitigations().contains(name()));
    } catch (RuntimeException e) {
      LOG.warn("Could not read the incidents holding the pause: resuming for {}", lifted.id(), e);
      return false;
    }
  }

  /** The incidents holding publishing paused now, in the order they paused it. */
  public synchronized Set<String> holding() {
    return Set.copyOf(holding);
  }
}
