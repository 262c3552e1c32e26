package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;

/**
 * A scalar loss L(Ŷ, T) of a prediction Ŷ against a target T, with its gradient ∂L/∂Ŷ.
 *
 * <p>A loss ends the chain rule: its {@link #backward()} takes no argument, because ∂L/∂L = 1,
 * and returns the G that the network's last layer receives:
 * <pre>{@code
 * optimizer.zeroGrad();
 * double l = loss.forward(model.forward(x), y);
 * model.backward(loss.backward());
 * optimizer.step();
 * }</pre>
 * Like a layer's, the matrix that {@code backward} returns belongs to the loss and is
 * overwritten by the next call.
 */
public interface Loss {

    /**
     * Computes the loss and caches what {@link #backward()} needs.
     *
     * @param prediction Ŷ, (m×n). Not modified.
     * @param target     T, of exactly the same shape (no broadcasting). Not modified.
     * @return L; NaN if any entry is NaN
     * @throws IllegalArgumentException if the shapes differ
     */
    double forward(Matrix prediction, Matrix target);

    /**
     * The gradient of the latest loss with respect to the prediction.
     *
     * @return ∂L/∂Ŷ, (m×n). Owned by the loss; overwritten by the next backward call.
     * @throws IllegalStateException if no {@code forward} came first
     */
    Matrix backward();

    /**
     * What the loss should be on {@code target} for a network that has learned nothing yet:
     * the first check of a training run, which compares it with the loss at initialisation. A
     * first loss far above it means the initial outputs are too large or biased; a first loss
     * far below it means the task is easier than believed, or the data leaks the answer.
     *
     * <p>Each loss says what its value means: cross-entropy over K classes expects ln K (equal
     * logits give every class 1/K), mean squared error the targets' variance (the loss of
     * predicting each column's mean). The default does not know one.
     *
     * @param target T, (m×n), as {@link #forward} would receive it. Not modified.
     * @return the expected loss, or NaN if this loss has none
     */
    default double expectedInitialLoss(Matrix target) {
        return Double.NaN;
    }
}
