/**
 * The dispatching rules (POST-3 … POST-11) as one single-threaded, clock-free step: {@link
 * app.omniy.core.dispatch.Dispatcher} claims due posts from a {@link
 * app.omniy.core.post.spi.PostStore}, publishes them through a {@link
 * app.omniy.core.post.spi.Publisher} exactly once (POST-7) and records every transition. It starts
 * no threads: {@code omniy-runtime} runs it on a worker pool, the {@code ManualDispatcher} of the
 * core's test fixtures (which omniy-testkit brings) runs it on a settable clock, so host tests
 * exercise the very same rules.
 */
@NullMarked
package app.omniy.core.dispatch;

import org.jspecify.annotations.NullMarked;
