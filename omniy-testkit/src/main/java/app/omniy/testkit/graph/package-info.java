/**
 * A fake of the Instagram Graph API over real HTTP on a loopback port: {@link
 * app.omniy.testkit.graph.FakeGraphApi}, the calls it serves ({@link
 * app.omniy.testkit.graph.GraphCall}), the faults it injects ({@link
 * app.omniy.testkit.graph.GraphFault}) and calls held on arrival ({@link
 * app.omniy.testkit.graph.HeldCall}). Its server and state are package-private.
 */
@NullMarked
package app.omniy.testkit.graph;

import org.jspecify.annotations.NullMarked;
