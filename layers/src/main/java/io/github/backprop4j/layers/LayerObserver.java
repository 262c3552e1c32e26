package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;

/**
 * Sees what flows through each layer of a {@link Sequential}: every layer's input and output
 * during forward, and the gradient it receives and the one it passes down during backward.
 * Tools that show a training step from inside (a traced step, activation statistics) are
 * observers; training itself needs none.
 *
 * <pre>{@code
 * model.observe(new LayerObserver() {
 *     public void forward(int index, Layer layer, Matrix input, Matrix output) {
 *         // A_index = f_index(A_(index−1)): output is A_index
 *     }
 * });
 * ...
 * model.observe(null);   // stop observing
 * }</pre>
 *
 * <p>The matrices are the layers' own buffers, shown as they are at the moment of the call:
 * read them, copy them to keep them, never modify them. Both methods do nothing by default, so
 * an observer writes only the one it needs. Calls come from the training thread, in the order
 * the code runs: forward from the first layer to the last, backward from the last to the first.
 */
public interface LayerObserver {

    /**
     * Called after layer {@code index} computed its output in {@link Sequential#forward}.
     *
     * @param index  the layer's position, from 0
     * @param layer  the layer
     * @param input  A_(index−1), what it read (X for the first layer)
     * @param output A_index, what it returned
     */
    default void forward(int index, Layer layer, Matrix input, Matrix output) {
    }

    /**
     * Called after layer {@code index} ran its backward in {@link Sequential#backward}: its
     * parameters' gradients now include this batch's contribution.
     *
     * @param index      the layer's position, from 0
     * @param layer      the layer
     * @param gradOutput G_index = ∂L/∂A_index, what it received
     * @param gradInput  G_(index−1) = ∂L/∂A_(index−1), what it passed down; {@code null} when
     *                   its input does not require grad and it skipped that product
     */
    default void backward(int index, Layer layer, Matrix gradOutput, Matrix gradInput) {
    }
}
