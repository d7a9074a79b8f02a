/**
 * What adapters implement for scheduled posts: {@link app.omniy.core.post.spi.PostStore} (where
 * posts, leases and transitions live) and {@link app.omniy.core.post.spi.Publisher} (the Instagram
 * content-publishing calls). Contract suites for both ship in {@code omniy-testkit}.
 */
@NullMarked
package app.omniy.core.post.spi;

import org.jspecify.annotations.NullMarked;
