package app.omniy.runtime.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Incident;
import java.util.function.Consumer;

/**
 * A mitigation the guide names (INC-4): disable a feature by flag, roll back, tighten rate limits,
 * post a notice. The host supplies the action; {@link IncidentRuntime#mitigate} applies it and
 * records the incident as mitigated, and lifts it when the incident recovers.
 */
public interface Mitigation {

  /** What it does, in a few words, for the timeline and the RCA. */
  String name();

  /** Takes effect for {@code incident}. */
  void apply(Incident incident);

  /** Ends when {@code incident} has recovered; nothing by default. */
  default void lift(Incident incident) {}

  /**
   * Pauses publishing while the incident lasts (INC-4 "disable a feature by flag"), e.g. with
   * {@code Omniy::pause} and {@code Omniy::resume}: due posts wait and go out on recovery, or fail
   * as missed when the pause outlasts their window (POST-6).
   *
   * @param pause called with the reason, e.g. {@code Omniy::pause}
   * @param resume called on recovery, e.g. {@code Omniy::resume}
   */
  static Mitigation pausePublishing(Consumer<String> pause, Runnable resume) {
    if (pause == null || resume == null) {
      throw new InvalidValueException(pause == null ? "pause" : "resume", null, "is required");
    }
    return new Mitigation() {
      @Override
      public String name() {
        return "pause publishing";
      }

      @Override
      public void apply(Incident incident) {
        pause.accept("incident " + incident.id() + ": " + incident.title());
      }

      @Override
      public void lift(Incident incident) {
        resume.run();
      }
    };
  }
}
