/**
 * JMH benchmarks of training and inference steps, measured against a hand-written ideal step on
 * the same kernels so that the framework's overhead is a ratio, not a guess.
 *
 * <p><b>Reading order:</b> {@link io.github.backprop4j.bench.MlpConfig} (the four networks),
 * {@link io.github.backprop4j.bench.FrameworkMlp} (the training loop, written with the public
 * API), {@link io.github.backprop4j.bench.IdealMlp} (the same arithmetic by hand),
 * {@link io.github.backprop4j.bench.MlpBenchmark}, then
 * {@link io.github.backprop4j.bench.KernelThresholdBenchmark} (where threads start to pay),
 * {@link io.github.backprop4j.bench.ReluBenchmark} (whether ReLU's plain loop costs enough to
 * trade for a faster, harder one), {@link io.github.backprop4j.bench.PredictBenchmark} (inference
 * from one and two threads sharing a model) and
 * {@link io.github.backprop4j.bench.PerformanceReport}
 * (table and chart of {@code docs/performance.md}).
 *
 * <p>Run everything with {@code bench/run-benchmarks.sh} from the repository root.
 */
package io.github.backprop4j.bench;
