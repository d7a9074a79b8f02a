/**
 * What a host application calls to manage its scheduled posts: {@link
 * app.omniy.core.post.service.PostService} (schedule, cancel, reschedule, edit, list, retry a
 * failed post safely). It sits above the post model, the post SPI it is given implementations of,
 * and the retry rules.
 */
@NullMarked
package app.omniy.core.post.service;

import org.jspecify.annotations.NullMarked;
