package app.omniy.proof;

/**
 * Where the crash suite kills a worker (POST-7, POST-8): each point leaves a post in a different
 * state for the next worker to recover.
 */
enum CrashPoint {
  /** The container exists at Instagram, its id is not stored yet: an orphan container. */
  CONTAINER_CREATED(true),
  /** The container id is stored, {@code media_publish} not sent yet. */
  CONTAINER_RECORDED(true),
  /**
   * Less than half the lease is left and the worker is about to renew it before its next call: it
   * dies before the renewal is written, so the post is taken over when the old lease runs out.
   */
  RENEWAL_DUE(true),
  /**
   * The worker has just renewed its lease mid-attempt: it dies right after, so the post waits out a
   * whole fresh lease before it is taken over.
   */
  LEASE_RENEWED(true),
  /**
   * {@code media_publish} in flight, held by the fake; served after the kill: the post went out.
   */
  PUBLISH_IN_FLIGHT_SERVED(false),
  /**
   * {@code media_publish} in flight, held by the fake; dropped after the kill: it never arrived.
   */
  PUBLISH_IN_FLIGHT_DROPPED(false),
  /** Instagram answered the publish with a media id; PUBLISHED is not recorded yet. */
  PUBLISHED_NOT_RECORDED(true),
  /** Anywhere: a worker killed at a random moment, whatever its threads were doing. */
  ANYWHERE(false);

  private final boolean inWorker;

  CrashPoint(boolean inWorker) {
    this.inWorker = inWorker;
  }

  /** Whether the worker itself stops at this point (otherwise the fake or the clock decides). */
  boolean inWorker() {
    return inWorker;
  }

  /** Whether reaching the point needs an attempt slower than half the lease (a renewal). */
  boolean needsRenewal() {
    return this == RENEWAL_DUE || this == LEASE_RENEWED;
  }
}
