/**
 * The core's test fixtures: {@link app.omniy.testkit.SettableClock}, {@link
 * app.omniy.testkit.ScriptedPublisher}, {@link app.omniy.testkit.SamplePosts} and {@link
 * app.omniy.testkit.ManualDispatcher}. They are compiled with omniy-core's tests, which pin the
 * dispatcher and the post service with them, and ship as the artifact {@code
 * app.omniy:omniy-core:test-fixtures}, which omniy-testkit brings to hosts; the rest of the package
 * is in omniy-testkit.
 */
@NullMarked
package app.omniy.testkit;

import org.jspecify.annotations.NullMarked;
