/** Where incidents are kept: implemented in memory here, on Firestore later. */
@NullMarked
package app.omniy.core.incident.spi;

import org.jspecify.annotations.NullMarked;
