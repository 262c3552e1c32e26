package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;

/**
 * A loss whose prediction and target have the same shape, computed by loops over the entries:
 * {@link MSELoss}, {@link L1Loss}, {@link HuberLoss}, {@link BCEWithLogitsLoss} and
 * {@link CrossEntropyLoss}.
 *
 * <p>A subclass writes only its math, as two loops over row-major arrays with the formula beside
 * each line: {@link #forward(double[], double[], int, int)} returns L from Ŷ and T, and
 * {@link #backward(double[], double[], double[], int, int)} fills ∂L/∂Ŷ. This class does the
 * rest, once for every such loss:
 * <ul>
 *   <li>the shape check of the pair and the refusal of an empty batch, with messages that name
 *       the subclass: {@code L1Loss.forward: prediction and target must have the same shape,
 *       got 8x1 and 1x8};</li>
 *   <li>the check of the target's values, for a subclass that overrides
 *       {@link #checkTarget(double[], int, int)};</li>
 *   <li>the rule that backward needs a forward first;</li>
 *   <li>the gradient buffer, reshaped only when the batch size changes.</li>
 * </ul>
 * Like a layer's input, Ŷ and T are kept by reference for backward, not copied: do not modify
 * them between {@code forward} and {@code backward}.
 */
public abstract class AbstractLoss implements Loss {

    private final String forwardName;
    private final String predictionName;
    private final ForwardGuard guard;
    private final Matrix gradInput = Matrix.zeros(0, 0);
    private Matrix prediction;
    private Matrix target;

    /**
     * For subclasses.
     *
     * @param predictionName what messages call Ŷ: {@code "prediction"}, or {@code "logits"}
     */
    protected AbstractLoss(String predictionName) {
        String name = getClass().getSimpleName();
        this.forwardName = name + ".forward";
        this.predictionName = predictionName;
        this.guard = new ForwardGuard(name, "forward(" + predictionName + ", target)");
    }

    /**
     * Checks the pair, keeps both by reference, and computes L with the subclass's loop.
     *
     * @param prediction Ŷ, (m×n) with m·n ≥ 1. Not modified.
     * @param target     T, (m×n). Not modified.
     * @return L; NaN if an entry of Ŷ is NaN
     * @throws IllegalArgumentException if the shapes differ or are empty, or the subclass
     *                                  refuses a target value
     */
    @Override
    public final double forward(Matrix prediction, Matrix target) {
        Shapes.checkSameShape(forwardName, predictionName, prediction, "target", target);
        if (prediction.size() == 0) {
            throw new IllegalArgumentException(forwardName + ": " + predictionName
                    + " must not be empty, got " + Shapes.shape(prediction));
        }
        checkTarget(target.unwrap().data, target.rows(), target.cols());
        this.prediction = prediction;
        this.target = target;
        double loss = forward(prediction.unwrap().data, target.unwrap().data, prediction.rows(),
                prediction.cols());
        guard.forwardDone();
        return loss;
    }

    /**
     * Returns ∂L/∂Ŷ, computed by the subclass's loop; the formula is in the subclass's
     * {@link #backward(double[], double[], double[], int, int)}.
     *
     * @return ∂L/∂Ŷ, (m×n). Owned by this loss; overwritten by the next backward call.
     * @throws IllegalStateException if forward has not been called
     */
    @Override
    public final Matrix backward() {
        guard.checkBackward();
        gradInput.reshape(prediction.rows(), prediction.cols());
        backward(prediction.unwrap().data, target.unwrap().data, gradInput.unwrap().data,
                prediction.rows(), prediction.cols());
        return gradInput;
    }

    /**
     * The forward loop: L from Ŷ and T, both (rows×cols) in row-major order.
     *
     * @param p    Ŷ; read only
     * @param t    T, already accepted by {@link #checkTarget}; read only
     * @param rows m ≥ 1 (or 0 with cols ≥ 1 never: the batch is not empty)
     * @param cols n
     * @return L
     */
    protected abstract double forward(double[] p, double[] t, int rows, int cols);

    /**
     * The backward loop: fills {@code dp} = ∂L/∂Ŷ from Ŷ and T of the latest forward. Its
     * Javadoc states the formula with shapes and links its section of
     * {@code docs/derivations.md}.
     *
     * @param p    Ŷ; read only
     * @param t    T; read only
     * @param dp   ∂L/∂Ŷ, to be written
     * @param rows m
     * @param cols n
     */
    protected abstract void backward(double[] p, double[] t, double[] dp, int rows, int cols);

    /**
     * Refuses a target the loss is not defined for. The default accepts any.
     *
     * @param t    T, (rows×cols) row-major; read only
     * @param rows m
     * @param cols n
     * @throws IllegalArgumentException naming the row and the value
     */
    protected void checkTarget(double[] t, int rows, int cols) {
    }

    /**
     * Checks that every entry of T is a probability, in [0, 1] (NaN is not).
     *
     * @param t    T, (rows×cols) row-major
     * @param rows m
     * @param cols n
     * @throws IllegalArgumentException naming the row, the column and the value
     */
    protected final void checkProbabilities(double[] t, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            if (!(t[i] >= 0 && t[i] <= 1)) {
                throw targetError("target of row " + i / cols + ", column " + i % cols
                        + " must be a probability in [0, 1], got " + t[i]);
            }
        }
    }

    /**
     * An exception for a refused input, its message starting with the operation.
     *
     * @param what for example {@code "target of row 3 must sum to 1, got 0.5"}
     * @return {@code IllegalArgumentException("CrossEntropyLoss.forward: " + what)}
     */
    protected final IllegalArgumentException targetError(String what) {
        return new IllegalArgumentException(forwardName + ": " + what);
    }
}
