/**
 * What a host implements to hear about dispatching: {@link
 * app.omniy.core.dispatch.spi.DispatchListener}.
 */
@NullMarked
package app.omniy.core.dispatch.spi;

import org.jspecify.annotations.NullMarked;
