/** Implementation helpers of the Firestore stores; not an API. */
@NullMarked
package app.omniy.firestore.internal;

import org.jspecify.annotations.NullMarked;
