package io.github.backprop4j.core;

import java.util.Objects;

/**
 * A trainable tensor: a name, its live value, the gradient of the loss with respect to it, and
 * the layout it has in a state dict.
 *
 * <p>The references are final and the contents change in place: layers read {@link #value()} in
 * forward and add into {@link #grad()} in backward; optimizers read the gradient and update the
 * value. Gradients accumulate ({@code grad += ...}) until {@link #zeroGrad()}, as in PyTorch.
 *
 * <p>The {@link #layout()} says how the value is stored in a state dict, so that whoever writes
 * one asks the parameter instead of testing which layer it belongs to.
 *
 * <p>Not a record: a parameter is an identity with changing contents, not a value.
 */
public final class Parameter {

    /**
     * How a parameter's (r×c) value is stored in a state dict, in PyTorch's conventions.
     *
     * <pre>
     *   layout       tensor in the file   example
     *   AS_IS        [r, c]               any matrix, as it is held
     *   TRANSPOSED   [c, r]               Linear's weight: (in×out) here, (out×in) in PyTorch
     *   VECTOR       [c]                  a (1×c) bias, which PyTorch keeps as a vector
     * </pre>
     */
    public enum Layout {
        /** Rank 2, as held: {@code [rows, cols]}. */
        AS_IS,
        /** Rank 2, transposed: {@code [cols, rows]}. */
        TRANSPOSED,
        /** Rank 1: a (1×n) row stored as the vector {@code [n]}. */
        VECTOR
    }

    private final String name;
    private final Matrix value;
    private final Matrix grad;
    private final Layout layout;

    /**
     * A parameter stored {@link Layout#AS_IS}, holding {@code value} (kept, not copied) and a
     * zero gradient of the same shape.
     *
     * @param name  a name for messages and state dicts, e.g. {@code "weight"} or {@code "0.weight"}
     * @param value the initial value; this very matrix becomes the live value
     */
    public Parameter(String name, Matrix value) {
        this(name, value, Layout.AS_IS);
    }

    /**
     * A parameter holding {@code value} (kept, not copied) and a zero gradient of the same shape,
     * stored in a state dict in the given layout.
     *
     * @param name   a name for messages and state dicts, e.g. {@code "weight"}
     * @param value  the initial value; this very matrix becomes the live value
     * @param layout how a state dict stores the value
     * @throws IllegalArgumentException if the layout is {@link Layout#VECTOR} and the value is
     *     not a single row
     */
    public Parameter(String name, Matrix value, Layout layout) {
        this.name = Objects.requireNonNull(name, "Parameter: name must not be null");
        this.value = Objects.requireNonNull(value, "Parameter: value must not be null");
        this.layout = Objects.requireNonNull(layout, "Parameter: layout must not be null");
        if (layout == Layout.VECTOR && value.rows() != 1) {
            throw new IllegalArgumentException("Parameter: a VECTOR parameter must be a row 1xn,"
                    + " got " + Shapes.shape(value) + " for " + name);
        }
        this.grad = Matrix.zeros(value.rows(), value.cols());
    }

    /** A parameter sharing {@code value} and {@code grad}: see {@link #renamed}. */
    private Parameter(String name, Matrix value, Matrix grad, Layout layout) {
        this.name = Objects.requireNonNull(name, "Parameter: name must not be null");
        this.value = value;
        this.grad = grad;
        this.layout = layout;
    }

    /**
     * The parameter's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The live value: changing it changes the model.
     *
     * @return the value matrix, not a copy
     */
    public Matrix value() {
        return value;
    }

    /**
     * The live gradient ∂L/∂value, of the same shape as the value.
     *
     * @return the gradient matrix, not a copy
     */
    public Matrix grad() {
        return grad;
    }

    /**
     * How a state dict stores the value.
     *
     * @return the layout given at construction ({@link Layout#AS_IS} by default)
     */
    public Layout layout() {
        return layout;
    }

    /** Sets every entry of the gradient to zero, allocating nothing. */
    public void zeroGrad() {
        MatrixOps.fill(grad, 0);
    }

    /**
     * A parameter with the same value, gradient and layout under another name. Containers such
     * as a {@code Sequential} use it to give their children's parameters qualified names
     * ({@code "0.weight"}); the matrices are shared, not copied.
     *
     * @param newName the new name
     * @return a parameter sharing this one's value and gradient, with its layout
     */
    public Parameter renamed(String newName) {
        return new Parameter(newName, value, grad, layout);
    }

    /** Structure, not values: {@code Parameter[linear.weight 3x1]}. */
    @Override
    public String toString() {
        return "Parameter[" + name + " " + Shapes.shape(value) + "]";
    }
}
