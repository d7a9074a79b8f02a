/**
 * Scheduled posts (POST-1 … POST-11): the post model, validation, the lifecycle state machine,
 * leases and the success-rate arithmetic. This is the bottom layer of the post packages: {@code
 * app.omniy.core.post.spi} (what adapters implement), {@code app.omniy.core.retry} (the durable
 * retry policy) and {@code app.omniy.core.post.service} (the host-facing {@code PostService}) build
 * on it. Every rule takes the current {@link java.time.Instant} as an argument; nothing here reads
 * a clock.
 */
@NullMarked
package app.omniy.core.post;

import org.jspecify.annotations.NullMarked;
