/** The fake Instagram Graph API's server and state; use it through {@code FakeGraphApi}. */
@NullMarked
package app.omniy.testkit.internal.graph;

import org.jspecify.annotations.NullMarked;
