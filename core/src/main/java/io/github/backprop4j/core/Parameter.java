package io.github.backprop4j.core;

import java.util.Objects;

/**
 * A trainable tensor: a name, its live value and the gradient of the loss with respect to it.
 *
 * <p>The references are final and the contents change in place: layers read {@link #value()} in
 * forward and add into {@link #grad()} in backward; optimizers read the gradient and update the
 * value. Gradients accumulate ({@code grad += ...}) until {@link #zeroGrad()}, as in PyTorch.
 *
 * <p>Not a record: a parameter is an identity with changing contents, not a value.
 */
public final class Parameter {

    private final String name;
    private final Matrix value;
    private final Matrix grad;

    /**
     * A parameter holding {@code value} (kept, not copied) and a zero gradient of the same shape.
     *
     * @param name  a name for messages and state dicts, e.g. {@code "weight"} or {@code "0.weight"}
     * @param value the initial value; this very matrix becomes the live value
     */
    public Parameter(String name, Matrix value) {
        this.name = Objects.requireNonNull(name, "Parameter: name must not be null");
        this.value = Objects.requireNonNull(value, "Parameter: value must not be null");
        this.grad = Matrix.zeros(value.rows(), value.cols());
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

    /** Sets every entry of the gradient to zero, allocating nothing. */
    public void zeroGrad() {
        MatrixOps.fill(grad, 0);
    }

    /**
     * A parameter with the same value and gradient under another name. Containers such as a
     * {@code Sequential} use it to give their children's parameters qualified names
     * ({@code "0.weight"}); the matrices are shared, not copied.
     *
     * @param newName the new name
     * @return a parameter sharing this one's value and gradient
     */
    public Parameter renamed(String newName) {
        return new Parameter(newName, value, grad);
    }

    private Parameter(String name, Matrix value, Matrix grad) {
        this.name = Objects.requireNonNull(name, "Parameter: name must not be null");
        this.value = value;
        this.grad = grad;
    }

    /** Structure, not values: {@code Parameter[linear.weight 3x1]}. */
    @Override
    public String toString() {
        return "Parameter[" + name + " " + Shapes.shape(value) + "]";
    }
}
