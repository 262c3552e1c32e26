package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;

/**
 * A differentiable function of a batch, {@code Y = f(X)}, with its own backward pass.
 *
 * <p>A batch is a matrix with one sample per row: the input is (m×k) and the output (m×n) for m
 * samples. {@link #forward} computes Y and keeps what {@link #backward} needs; {@code backward}
 * receives G = ∂L/∂Y, adds ∂L/∂θ into the {@link Parameter#grad() grad} of every parameter θ and
 * returns ∂L/∂X.
 *
 * <p><b>Ownership.</b> The matrices that {@code forward} and {@code backward} return belong to the
 * layer: they are its workspace buffers, and the next call overwrites them. This is what lets a
 * training step run without allocating once the batch size is stable. Call
 * {@link Matrix#copy()} (or {@link Sequential#predict}) to keep a result.
 *
 * <p><b>Order.</b> {@code backward} needs the values cached by the latest {@code forward};
 * calling it first throws {@link IllegalStateException}. {@code backward} may be called more than
 * once after one {@code forward}: each call adds into the gradients again, which accumulate until
 * {@link #zeroGrad()}, as in PyTorch.
 */
public interface Layer {

    /**
     * Computes the output for a batch and caches what {@link #backward} needs.
     *
     * @param input X, (m×k), one sample per row. Not modified.
     * @return Y, (m×n). Owned by this layer and overwritten by the next call to {@code forward}:
     *     copy it to keep it.
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    Matrix forward(Matrix input);

    /**
     * Computes the output for inference only: the same output as {@link #forward}, bit for bit,
     * without keeping what only {@link #backward} would need (PyTorch's {@code torch.no_grad()}).
     * After {@code infer}, a layer that kept less must refuse {@code backward} until the next
     * {@code forward} rather than compute a gradient from stale data.
     *
     * <p>The default calls {@link #forward}, which suits layers whose backward needs nothing
     * beyond their own output, such as {@link ReLU} and {@link Softmax}. {@link Linear} skips
     * its copy of the input.
     *
     * @param input X, (m×k), one sample per row. Not modified.
     * @return Y, (m×n). Owned by this layer and overwritten by the next {@code forward} or
     *     {@code infer}: copy it to keep it.
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    default Matrix infer(Matrix input) {
        return forward(input);
    }

    /**
     * Adds ∂L/∂θ into the gradient of each parameter θ and returns ∂L/∂X.
     *
     * @param gradOutput G = ∂L/∂Y, of the shape of the latest output. Not modified.
     * @return ∂L/∂X, of the shape of the latest input. Owned by this layer and overwritten by
     *     the next call to {@code backward}.
     * @throws IllegalStateException    if no {@code forward} came first
     * @throws IllegalArgumentException if {@code gradOutput} does not have the output's shape
     */
    Matrix backward(Matrix gradOutput);

    /**
     * The trainable parameters, in a fixed order.
     *
     * @return the live parameters (their values and gradients are not copies); empty for a layer
     *     without parameters
     */
    List<Parameter> parameters();

    /**
     * The number of output columns for a given number of input columns, without computing
     * anything; used by {@link Sequential#summary(int)}.
     *
     * <p>The default suits layers that keep the width (element-wise and row-wise functions such
     * as {@link ReLU} and {@link Softmax}); layers that change it override this.
     *
     * @param inputWidth k, the number of input columns
     * @return n, the number of output columns
     * @throws IllegalArgumentException if the layer cannot take that width
     */
    default int outputWidth(int inputWidth) {
        return inputWidth;
    }

    /**
     * Adds ∂L/∂θ into the gradient of each parameter θ, like {@link #backward}, for a caller that
     * does not need ∂L/∂X: the training step, where the network's input is data, not something
     * to differentiate. A layer may then skip the work of ∂L/∂X ({@link Linear} skips its
     * product G·Wᵀ, a quarter of a large network's arithmetic); the parameter gradients are
     * exactly those {@code backward} would add.
     *
     * <p>The default calls {@link #backward} and ignores what it returns. {@code backward}
     * itself keeps its contract and always returns ∂L/∂X.
     *
     * @param gradOutput G = ∂L/∂Y, of the shape of the latest output. Not modified.
     * @throws IllegalStateException    if no {@code forward} came first
     * @throws IllegalArgumentException if {@code gradOutput} does not have the output's shape
     */
    default void backwardParameters(Matrix gradOutput) {
        backward(gradOutput);
    }

    /**
     * Sets the gradient of every parameter to zero, allocating nothing (an indexed loop: no
     * iterator is created).
     */
    default void zeroGrad() {
        List<Parameter> params = parameters();
        for (int i = 0, n = params.size(); i < n; i++) {
            params.get(i).zeroGrad();
        }
    }
}
