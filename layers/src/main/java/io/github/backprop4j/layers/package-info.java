/**
 * Layers with explicit forward and backward passes, the losses they are trained with, and the
 * gradient check that proves each backward pass.
 *
 * <h2>Notation</h2>
 * <pre>
 *   ·        matrix product                 X·W
 *   ⊙        element-wise product           G ⊙ [X &gt; 0]
 *   ᵀ        transpose                      Xᵀ
 *   (m×n)    a shape: m rows, n columns     written 8x3 in error messages
 *   G        ∂L/∂Y, the gradient of the loss with respect to a layer's output,
 *            which is what backward receives; it has the shape of Y
 *   1        a column of ones, so 1·b repeats the row b on every row and 1ᵀ·G sums the columns
 *   [X &gt; 0]  1 where the condition holds, 0 elsewhere
 *   δ_ij     1 if i = j, else 0
 * </pre>
 *
 * <h2>Shapes</h2>
 * A batch is a matrix with one sample per row: X is (m×k) for m samples of k features, and a
 * layer's output Y is (m×n). {@link io.github.backprop4j.layers.Linear} stores its weight W as
 * (in×out) so that Y = X·W + 1·b needs no transpose.
 *
 * <h2>Ownership and order</h2>
 * {@code forward} keeps what {@code backward} needs (a reference to its input, not a copy: do
 * not change the input before backward); {@code backward} adds the parameter gradients into each
 * {@link io.github.backprop4j.core.Parameter#grad()} (they accumulate until {@code zeroGrad()})
 * and returns ∂L/∂X, or {@code null} where the input does not
 * {@linkplain io.github.backprop4j.core.Matrix#requiresGrad() require grad}, as for data. The
 * matrices both return are owned by the layer and overwritten by its next call, so that a
 * training step allocates nothing once the batch size is stable; copy them to keep them, or use
 * {@link io.github.backprop4j.layers.Sequential#predict}. One training loop serves every model:
 * <pre>{@code
 * optimizer.zeroGrad();
 * double l = loss.forward(model.forward(x), y);
 * model.backward(loss.backward());
 * optimizer.step();
 * }</pre>
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.layers.Layer}: the contract, and the defaults a layer may
 *       override.</li>
 *   <li>{@link io.github.backprop4j.layers.Linear}, then
 *       {@link io.github.backprop4j.layers.Activation} and its subclasses (such as
 *       {@link io.github.backprop4j.layers.ReLU} and {@link io.github.backprop4j.layers.Softmax}):
 *       each file holds its forward and backward loops with the formula beside each line, and
 *       each derivation is worked step by step with numbers in {@code docs/derivations.md}.</li>
 *   <li>{@link io.github.backprop4j.layers.Sequential}: the chain rule as a loop.</li>
 *   <li>{@link io.github.backprop4j.layers.Loss}, then
 *       {@link io.github.backprop4j.layers.AbstractLoss} and its subclasses (such as
 *       {@link io.github.backprop4j.layers.MSELoss} and
 *       {@link io.github.backprop4j.layers.CrossEntropyLoss}): where the gradient starts.</li>
 *   <li>{@link io.github.backprop4j.layers.GradientCheck}: how every backward above is proved
 *       against central differences.</li>
 * </ol>
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.layers.Layer}: forward, backward, parameters.</li>
 *   <li>{@link io.github.backprop4j.layers.Activation}: the shared part of every parameterless
 *       layer that keeps its input's shape; a subclass writes only its two loops.</li>
 *   <li>{@link io.github.backprop4j.layers.Sequential}: a network, itself a layer, whose
 *       {@linkplain io.github.backprop4j.layers.Sequential#stateDict() state dict} has PyTorch's
 *       names and layout ({@code docs/checkpoints.md}).</li>
 *   <li>{@link io.github.backprop4j.layers.AbstractLoss}: the shared part of every loss whose
 *       prediction and target have one shape; a subclass writes only its two loops.</li>
 *   <li>{@link io.github.backprop4j.layers.GradientCheck}: the numerical proof, for any layer or
 *       loss, usable in your own tests.</li>
 *   <li>{@link io.github.backprop4j.layers.Operator}: what a layer computes, in a small standard
 *       vocabulary ({@code GEMM}, {@code RELU}, …) that exporters translate without knowing the
 *       layer's class; see {@link io.github.backprop4j.layers.Layer#operators()}.</li>
 * </ul>
 */
package io.github.backprop4j.layers;
