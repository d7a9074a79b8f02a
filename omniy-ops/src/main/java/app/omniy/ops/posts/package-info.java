/** File formats for scheduled posts: one post as JSON, mirroring the core's post model. */
@NullMarked
package app.omniy.ops.posts;

import org.jspecify.annotations.NullMarked;
