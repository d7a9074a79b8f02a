/** How the security checks talk to the network; not API. */
@NullMarked
package app.omniy.ops.security.internal;

import org.jspecify.annotations.NullMarked;
