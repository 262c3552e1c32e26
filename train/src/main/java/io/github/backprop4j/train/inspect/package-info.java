/**
 * Seeing inside training: one step written out value by value, and the checks that tell a
 * healthy training run from a sick one.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.train.inspect.StepTrace}: one training step, in the order
 *       the code runs, with every input, output, gradient and update, to redo by hand.</li>
 *   <li>{@link io.github.backprop4j.train.inspect.Diagnostics}: the numbers courses teach to
 *       watch while training (the loss at initialisation against its expected value, each
 *       layer's activations and dead units, gradient norms, the update/weight ratio), with
 *       {@code docs/diagnostics.md} beside it; {@link
 *       io.github.backprop4j.train.inspect.DiagnosticsListener} drives it from a
 *       {@link io.github.backprop4j.train.Trainer}.</li>
 *   <li>{@link io.github.backprop4j.train.inspect.NetworkDiagram}: a network drawn as a picture,
 *       through Graphviz.</li>
 * </ol>
 *
 * <h2>Key classes</h2>
 * {@link io.github.backprop4j.train.inspect.StepTrace},
 * {@link io.github.backprop4j.train.inspect.Diagnostics},
 * {@link io.github.backprop4j.train.inspect.DiagnosticsListener},
 * {@link io.github.backprop4j.train.inspect.NetworkDiagram}. They watch a
 * {@link io.github.backprop4j.layers.Sequential} through its
 * {@linkplain io.github.backprop4j.layers.LayerObserver observer}, which costs nothing while
 * none is set.
 */
package io.github.backprop4j.train.inspect;
