package app.omniy.core.sla;

/** How a latency percentile was computed (SLA-4); the report names it. */
public enum PercentileMethod {
  /** The ⌈q·n⌉-th smallest raw sample. */
  NEAREST_RANK("nearest rank of raw samples"),
  /** The upper bound of the histogram bucket holding the ⌈q·n⌉-th sample. */
  HISTOGRAM_UPPER_BOUND("upper bound of the histogram bucket holding the rank");

  private final String description;

  PercentileMethod(String description) {
    this.description = description;
  }

  /** The method in words, for reports. */
  public String description() {
    return description;
  }
}
