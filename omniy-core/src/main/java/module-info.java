/**
 * Omniy's pure core: the rules of the operations guide as functions of their inputs and an {@link
 * java.time.Instant}, plus the SPIs that adapters implement. It does no I/O and starts no threads;
 * packages named {@code internal} are not exported.
 */
module app.omniy.core {
  // Nullness annotations appear in the API; they are needed at compile time only.
  requires static transitive org.jspecify;

  exports app.omniy.core;
  exports app.omniy.core.post;
  exports app.omniy.core.post.spi;
  exports app.omniy.core.post.service;
  exports app.omniy.core.retry;
  exports app.omniy.core.quota;
  exports app.omniy.core.memory;
  exports app.omniy.core.dispatch;
  exports app.omniy.core.dispatch.spi;
  exports app.omniy.core.sla;
  exports app.omniy.core.sla.spi;
  exports app.omniy.core.alert;
  exports app.omniy.core.alert.spi;
  exports app.omniy.core.alert.evaluator;
  exports app.omniy.core.alert.silence;
  exports app.omniy.core.metrics;
  exports app.omniy.core.billing;
  exports app.omniy.core.billing.spi;
  exports app.omniy.core.billing.service;
  exports app.omniy.core.support;
  exports app.omniy.core.support.spi;
  exports app.omniy.core.incident;
  exports app.omniy.core.incident.spi;
  exports app.omniy.core.maintenance;
  exports app.omniy.core.backup;
  exports app.omniy.core.backup.spi;
  exports app.omniy.core.maintenance.spi;
  exports app.omniy.core.security;
  exports app.omniy.core.spi;
}
