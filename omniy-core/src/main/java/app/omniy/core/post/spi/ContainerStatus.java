package app.omniy.core.post.spi;

/** A media container's {@code status_code} as Instagram reports it. */
public enum ContainerStatus {
  IN_PROGRESS,
  FINISHED,
  PUBLISHED,
  ERROR,
  /** Not published within 24 h of creation. */
  EXPIRED
}
