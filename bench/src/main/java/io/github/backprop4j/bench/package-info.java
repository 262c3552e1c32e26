/**
 * JMH benchmarks of training and inference steps, measured against a hand-written ideal step on
 * the same kernels so that the framework's overhead is a ratio, not a guess.
 *
 * <p>Key classes: {@link io.github.backprop4j.bench.IdealMlp}.
 */
package io.github.backprop4j.bench;
