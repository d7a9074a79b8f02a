/**
 * Omniy's JMH benchmarks. Run them with {@code java -jar benchmarks/target/benchmarks.jar}; each
 * reports against a baseline measured in the same run, since these machines are noisy.
 */
@NullMarked
package app.omniy.benchmarks;

import org.jspecify.annotations.NullMarked;
