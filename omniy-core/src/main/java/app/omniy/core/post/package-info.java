/**
 * Scheduled posts (POST-1 … POST-11): the post model, validation, the lifecycle state machine,
 * publishing quotas, the durable retry policy with the missed window, the success-rate arithmetic,
 * the host-facing {@link app.omniy.core.post.PostService} and the embedded {@link
 * app.omniy.core.memory.InMemoryPostStore}. Every rule takes the current {@link java.time.Instant}
 * as an argument; nothing here reads a clock.
 */
@NullMarked
package app.omniy.core.post;

import org.jspecify.annotations.NullMarked;
