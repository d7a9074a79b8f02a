/** The Instagram Graph API content-publishing adapter. */
@NullMarked
package app.omniy.instagram;

import org.jspecify.annotations.NullMarked;
