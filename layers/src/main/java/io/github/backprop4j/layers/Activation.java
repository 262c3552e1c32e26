package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import java.util.List;

/**
 * A layer without parameters whose output has its input's shape, computed by loops over the
 * entries: element-wise functions such as {@link ReLU} and row-wise ones such as
 * {@link Softmax}.
 *
 * <p>A subclass writes only its math, as two loops over row-major arrays with the formula beside
 * each line: {@link #forward(double[], double[], int, int)} fills Y from X, and
 * {@link #backward(double[], double[], double[], double[], int, int)} fills ∂L/∂X from X, Y and
 * G. This class does the rest, once for every such layer:
 * <ul>
 *   <li>the output and gradient buffers, reshaped only when the batch size changes, so that
 *       nothing is allocated once it is stable;</li>
 *   <li>the rule that backward needs a forward first, and the shape check of G, with messages
 *       that name the subclass: {@code ReLU.backward: called before forward; call
 *       forward(input) first};</li>
 *   <li>the {@linkplain Matrix#requiresGrad() requiresGrad} flag of the output, which is the
 *       input's, since Y depends on nothing else;</li>
 *   <li>{@link #parameters()} (none) and {@link #toString()} (the class's simple name).</li>
 * </ul>
 * The input is kept by reference, not copied (see {@link Layer}), and {@code backward} always
 * returns ∂L/∂X: it is the only thing such a layer computes.
 *
 * <p><b>The forward loop reads x and writes y, nothing else.</b> It keeps no state between calls
 * and writes no field: everything it needs comes in as arguments. That contract is what lets
 * {@link #predict(Matrix, Matrix)} run the same loop into a caller's matrix from any number of
 * threads at once, with the same bits as {@code forward}; a subclass gets parallel inference
 * without writing anything more. (The backward loop runs only in training, on one thread.)
 *
 * <p>A new element-wise function is then one short file, for example:
 * <pre>{@code
 * public final class Tanh extends Activation {
 *     protected void forward(double[] x, double[] y, int rows, int cols) {
 *         for (int i = 0; i < rows * cols; i++) {
 *             y[i] = Math.tanh(x[i]);                       // Y = tanh(X)
 *         }
 *     }
 *
 *     protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows,
 *                             int cols) {
 *         for (int i = 0; i < rows * cols; i++) {
 *             dx[i] = g[i] * (1 - y[i] * y[i]);            // ∂L/∂X = G ⊙ (1 − Y²)
 *         }
 *     }
 * }
 * }</pre>
 */
public abstract class Activation implements Layer {

    private final ForwardGuard guard = new ForwardGuard(getClass().getSimpleName());
    private final Matrix output = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    /** X of the latest forward, kept by reference for backward. */
    private Matrix input;

    /** For subclasses. */
    protected Activation() {
    }

    /**
     * Computes Y = f(X) with the subclass's loop and keeps X (by reference) for backward.
     *
     * @param input X, (m×n). Not modified, and not to be modified before the matching backward.
     * @return Y, (m×n), requiring grad exactly when X does. Owned by this layer and overwritten
     *     by the next call to {@code forward}.
     * @throws IllegalArgumentException if the subclass refuses the input's shape
     */
    @Override
    public final Matrix forward(Matrix input) {
        output.reshape(input.rows(), input.cols());
        forward(input.unwrap().data, output.unwrap().data, input.rows(), input.cols());
        output.requiresGrad(input.requiresGrad());
        this.input = input;
        guard.forwardDone();
        return output;
    }

    /**
     * Computes Y = f(X) into {@code out} with the subclass's forward loop, touching none of this
     * layer's fields: the inference path, which any number of threads may run at once.
     *
     * @param input X, (m×n). Not modified, unless {@code out} is X itself.
     * @param out   reshaped to (m×n) and overwritten; may be {@code input}, for an in-place
     *     function
     * @throws IllegalArgumentException if the subclass refuses the input's shape
     */
    @Override
    public final void predict(Matrix input, Matrix out) {
        out.reshape(input.rows(), input.cols());
        forward(input.unwrap().data, out.unwrap().data, input.rows(), input.cols());
    }

    /**
     * Returns ∂L/∂X, computed by the subclass's loop; the formula is in the subclass's
     * {@link #backward(double[], double[], double[], double[], int, int)}.
     *
     * @param gradOutput G = ∂L/∂Y, (m×n). Not modified.
     * @return ∂L/∂X, (m×n). Owned by this layer; overwritten by the next backward call.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public final Matrix backward(Matrix gradOutput) {
        guard.checkBackward();
        Shapes.checkSameShape(guard.backward(), "gradOutput", gradOutput, "output", output);
        gradInput.reshape(output.rows(), output.cols());
        backward(input.unwrap().data, output.unwrap().data, gradOutput.unwrap().data,
                gradInput.unwrap().data, output.rows(), output.cols());
        return gradInput;
    }

    /**
     * The forward loop: fills {@code y} from {@code x}, both (rows×cols) in row-major order, so
     * that entry (r, c) is at index {@code r·cols + c}.
     *
     * <p>It reads {@code x} and writes {@code y} only: no field of the layer, no state kept
     * between calls. Threads call it at once through {@link #predict(Matrix, Matrix)}.
     *
     * @param x    X; read only
     * @param y    Y, to be written; may be longer than rows·cols, and may be {@code x} itself
     *             when a caller passes this layer's output back in
     * @param rows m
     * @param cols n
     * @throws IllegalArgumentException if the function cannot take this shape
     */
    protected abstract void forward(double[] x, double[] y, int rows, int cols);

    /**
     * The backward loop: fills {@code dx} = ∂L/∂X from X, Y and G, all (rows×cols) in row-major
     * order. Its Javadoc states the formula with shapes and links its section of
     * {@code docs/derivations.md}.
     *
     * @param x    X of the latest forward; read only
     * @param y    Y of the latest forward; read only
     * @param g    G = ∂L/∂Y; read only
     * @param dx   ∂L/∂X, to be written
     * @param rows m
     * @param cols n
     */
    protected abstract void backward(double[] x, double[] y, double[] g, double[] dx, int rows,
                                     int cols);

    /**
     * X of the latest forward, for a subclass that reports its {@link #kinkSides kink sides}
     * from it.
     *
     * @return the input kept by reference, {@code null} before the first forward; not a copy
     */
    protected final Matrix input() {
        return input;
    }

    /**
     * Y of the latest forward, for a subclass that reports its {@link #kinkSides kink sides}
     * from it.
     *
     * @return the output buffer, 0×0 before the first forward; not a copy
     */
    protected final Matrix output() {
        return output;
    }

    /**
     * None.
     *
     * @return an empty list
     */
    @Override
    public final List<Parameter> parameters() {
        return List.of();
    }

    /** Structure: the class's simple name, such as {@code ReLU}. */
    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
