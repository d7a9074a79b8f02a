/** Implementation details of omniy-stripe; not API, may change in any release. */
@NullMarked
package app.omniy.stripe.internal;

import org.jspecify.annotations.NullMarked;
