package io.github.backprop4j.layers;

import io.github.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a layer's computation named in a small, standard vocabulary, so that an exporter
 * can write the layer in another framework's terms without knowing the layer's class. A layer
 * {@linkplain Layer#operators() describes itself} as a list of these; this package never sees a
 * file format, and an exporter never tests which layer it holds.
 *
 * <pre>
 *   type          computes, for a batch X (m×k), one sample per row     parameters
 *   GEMM          Y = X·W + 1·b                                          W (k×n), b (1×n)
 *   RELU          Y = max(X, 0)                                          none
 *   LEAKY_RELU    Y = X where X &gt; 0, a·X elsewhere (a: negativeSlope)  none
 *   SIGMOID       Y = 1 / (1 + exp(−X))                                  none
 *   TANH          Y = tanh(X)                                            none
 *   SOFTMAX       each row: Y_ij = exp(X_ij) / Σ_l exp(X_il)             none
 *   LOG_SOFTMAX   each row: Y_ij = X_ij − log Σ_l exp(X_il)              none
 * </pre>
 * The names are those of the operators most frameworks share (GEMM is the general matrix
 * multiply of BLAS). The parameters are the layer's live {@link Parameter}s, in the order of the
 * table, holding their values as the layer does: W is (in×out), as {@link Linear} keeps it.
 *
 * <p>An operator also records where it sits in a network: {@link #path()} is the position of
 * its layer, {@code "2"} or {@code "2.0"} inside a nested {@link Sequential}, and its parameters
 * carry the names of {@link Sequential#parameters()} ({@code 2.weight}, {@code 2.0.bias}), which
 * are the state dict's names. A layer describes itself with an empty path; {@link Sequential}
 * prefixes its children's operators with {@link #at(int)}.
 */
public final class Operator {

    /** The kinds of operator, with the meaning given in the table of {@link Operator}. */
    public enum Type {
        /** Y = X·W + 1·b, with the parameters W (k×n) and b (1×n), in that order. */
        GEMM,
        /** Y = max(X, 0), element-wise. */
        RELU,
        /** Y = X where X &gt; 0, a·X elsewhere, element-wise; a is the negative slope. */
        LEAKY_RELU,
        /** Y = 1 / (1 + exp(−X)), element-wise. */
        SIGMOID,
        /** Y = tanh(X), element-wise. */
        TANH,
        /** The softmax of each row. */
        SOFTMAX,
        /** The log of the softmax of each row. */
        LOG_SOFTMAX
    }

    private final Type type;
    private final List<Parameter> parameters;
    private final double negativeSlope;
    private final String path;

    private Operator(Type type, List<Parameter> parameters, double negativeSlope, String path) {
        this.type = type;
        this.parameters = parameters;
        this.negativeSlope = negativeSlope;
        this.path = path;
    }

    /**
     * Y = X·W + 1·b.
     *
     * @param weight W, (k×n), as the layer holds it
     * @param bias   b, (1×n)
     * @return the operator
     * @throws IllegalArgumentException if b is not one row as wide as W
     */
    public static Operator gemm(Parameter weight, Parameter bias) {
        Objects.requireNonNull(weight, "Operator.gemm: weight must not be null");
        Objects.requireNonNull(bias, "Operator.gemm: bias must not be null");
        if (bias.value().rows() != 1 || bias.value().cols() != weight.value().cols()) {
            throw new IllegalArgumentException("Operator.gemm: bias must be 1x"
                    + weight.value().cols() + " for a weight " + weight.value().rows() + "x"
                    + weight.value().cols() + ", got " + bias.value().rows() + "x"
                    + bias.value().cols());
        }
        return new Operator(Type.GEMM, List.of(weight, bias), 0, "");
    }

    /**
     * An element-wise or row-wise function without parameters: any type but {@link Type#GEMM}
     * and {@link Type#LEAKY_RELU}, which take arguments.
     *
     * @param type the function
     * @return the operator
     * @throws IllegalArgumentException if the type needs arguments
     */
    public static Operator of(Type type) {
        Objects.requireNonNull(type, "Operator.of: type must not be null");
        if (type == Type.GEMM || type == Type.LEAKY_RELU) {
            throw new IllegalArgumentException("Operator.of: " + type + " takes arguments; use"
                    + " Operator." + (type == Type.GEMM ? "gemm(weight, bias)"
                    : "leakyRelu(negativeSlope)"));
        }
        return new Operator(type, List.of(), 0, "");
    }

    /**
     * Y = X where X &gt; 0, a·X elsewhere.
     *
     * @param negativeSlope a, finite
     * @return the operator
     * @throws IllegalArgumentException if a is NaN or infinite
     */
    public static Operator leakyRelu(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("Operator.leakyRelu: negativeSlope must be finite,"
                    + " got " + negativeSlope);
        }
        return new Operator(Type.LEAKY_RELU, List.of(), negativeSlope, "");
    }

    /**
     * This operator one level down in a network: at {@code position} of a {@link Sequential}.
     * The path becomes {@code position} (or {@code position.path}), and every parameter is
     * renamed {@code position.name}, sharing its value, as {@link Sequential#parameters()} does.
     *
     * @param position the layer's index in the enclosing sequence, {@code >= 0}
     * @return a new operator; this one is unchanged
     * @throws IllegalArgumentException if the position is negative
     */
    public Operator at(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("Operator.at: position must be >= 0, got "
                    + position);
        }
        List<Parameter> renamed = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            renamed.add(p.renamed(position + "." + p.name()));
        }
        return new Operator(type, List.copyOf(renamed), negativeSlope,
                path.isEmpty() ? String.valueOf(position) : position + "." + path);
    }

    /**
     * The kind of operator.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * The parameters, in the order of {@link Type}'s table: [W, b] for {@link Type#GEMM}.
     *
     * @return the live parameters (values shared with the layer); empty for a function
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The slope a of a {@link Type#LEAKY_RELU} for negative inputs.
     *
     * @return a; 0 for any other type
     */
    public double negativeSlope() {
        return negativeSlope;
    }

    /**
     * Where the operator's layer sits: its position in the network, with a dot per level of
     * nesting ({@code "3"}, {@code "2.0"}); empty for a layer that describes itself alone.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /** For example {@code GEMM[0.weight 3x8, 0.bias 1x8] at 0} or {@code LEAKY_RELU(0.2) at 1}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.name());
        if (type == Type.LEAKY_RELU) {
            sb.append('(').append(negativeSlope).append(')');
        }
        if (!parameters.isEmpty()) {
            sb.append('[');
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                sb.append(i == 0 ? "" : ", ").append(p.name()).append(' ')
                        .append(p.value().rows()).append('x').append(p.value().cols());
            }
            sb.append(']');
        }
        return path.isEmpty() ? sb.toString() : sb.append(" at ").append(path).toString();
    }
}
