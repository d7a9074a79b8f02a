/** Implementation details of the test kit; may change in any release. */
@NullMarked
package app.omniy.testkit.internal;

import org.jspecify.annotations.NullMarked;
