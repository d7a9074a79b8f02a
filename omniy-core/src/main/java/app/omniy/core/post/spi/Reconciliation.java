package app.omniy.core.post.spi;

/** What became of an attempt whose outcome was unknown (POST-7). */
public enum Reconciliation {
  /** The container was published: the post went out and must not be published again. */
  PUBLISHED,
  /** The container exists and was not published: publishing it now is safe. */
  NOT_PUBLISHED,
  /** The container expired or broke without being published: a new container is needed. */
  CONTAINER_EXPIRED
}
