/** Implementation details of the Instagram adapter; may change in any release. */
@NullMarked
package app.omniy.instagram.internal;

import org.jspecify.annotations.NullMarked;
