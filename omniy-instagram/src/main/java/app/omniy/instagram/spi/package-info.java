/** What a host application implements for the Instagram adapter: where account tokens live. */
@NullMarked
package app.omniy.instagram.spi;

import org.jspecify.annotations.NullMarked;
