/**
 * What happens after an attempt (POST-5, POST-6, POST-7): the durable retry level with its back-off
 * and the missed window, decided from the post and the {@link
 * app.omniy.core.post.spi.PublisherResult} its attempt ended with, and why a retry of an unknown
 * fate is refused. It sits above the post model and the post SPI and below {@code
 * app.omniy.core.post.service} and the dispatcher.
 */
@NullMarked
package app.omniy.core.retry;

import org.jspecify.annotations.NullMarked;
