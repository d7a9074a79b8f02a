/**
 * What adapters implement for scheduled posts, in terms of the post model: {@link
 * app.omniy.core.post.spi.PostStore} (where posts, leases and transitions live) and {@link
 * app.omniy.core.post.spi.Publisher} (the Instagram content-publishing calls), with the values they
 * exchange, among them the {@link app.omniy.core.post.spi.OutcomeClass} a publisher sorts every
 * outcome into (POST-5). Contract suites for both ship in {@code omniy-testkit}.
 */
@NullMarked
package app.omniy.core.post.spi;

import org.jspecify.annotations.NullMarked;
