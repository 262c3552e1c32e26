package io.github.backprop4j.optim;

/**
 * The values a hyperparameter may take, and the one message that says so.
 *
 * <p>An optimizer states each rule once, where it declares the option, for example
 * <pre>{@code
 * this.momentum = option("momentum", momentum, Range.nonNegative());
 * }</pre>
 * and a value outside it is refused with the expected and the found value:
 * {@code SGD: momentum must be finite and >= 0, got -0.5}. A range never admits NaN or an
 * infinity.
 */
public final class Range {

    private static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    private static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);

    private final double min;
    private final boolean minIncluded;
    private final double max;
    private final boolean maxIncluded;

    private Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
        this.maxIncluded = maxIncluded;
    }

    /**
     * Finite and {@code > 0}: Adam's ε, a schedule's decay factor γ.
     *
     * @return the range (0, ∞)
     */
    public static Range positive() {
        return POSITIVE;
    }

    /**
     * Finite and {@code >= 0}: a learning rate, a momentum factor or a weight decay.
     *
     * @return the range [0, ∞)
     */
    public static Range nonNegative() {
        return NON_NEGATIVE;
    }

    /**
     * From {@code min} to {@code max}, both included: SGD's dampening, in [0, 1].
     *
     * @param min the least value allowed
     * @param max the greatest value allowed, {@code >= min}
     * @return the range [min, max]
     */
    public static Range closed(double min, double max) {
        return new Range(min, true, checkBounds(min, max), true);
    }

    /**
     * From {@code min} included to {@code max} excluded: Adam's betas, in [0, 1).
     *
     * @param min the least value allowed
     * @param max the bound, {@code > min}, that values must stay below
     * @return the range [min, max)
     */
    public static Range closedOpen(double min, double max) {
        return new Range(min, true, checkBounds(min, max), false);
    }

    private static double checkBounds(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("Range: bounds must be finite with min < max, got "
                    + min + " and " + max);
        }
        return max;
    }

    /**
     * Whether {@code value} is in this range.
     *
     * @param value a value; NaN and the infinities never are
     * @return {@code true} if it is allowed
     */
    public boolean contains(double value) {
        return Double.isFinite(value)
                && (minIncluded ? value >= min : value > min)
                && (maxIncluded ? value <= max : value < max);
    }

    /**
     * Returns {@code value} if it is in this range, and refuses it otherwise.
     *
     * @param op    who checks, for the message: {@code "SGD"} or {@code "SGD.setLearningRate"}
     * @param name  the hyperparameter, as the caller spells it: {@code "weightDecay"}
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException {@code <op>: <name> must be <range>, got <value>}
     */
    public double check(String op, String name, double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be " + this + ", got "
                    + value);
        }
        return value;
    }

    /** The rule in words, as messages use it: {@code finite and > 0} or {@code in [0, 1)}. */
    @Override
    public String toString() {
        if (max == Double.POSITIVE_INFINITY) {
            return "finite and " + (minIncluded ? ">= " : "> ") + number(min);
        }
        return "in " + (minIncluded ? "[" : "(") + number(min) + ", " + number(max)
                + (maxIncluded ? "]" : ")");
    }

    /** A bound as a reader writes it: {@code 0} and {@code 1}, not {@code 0.0} and {@code 1.0}. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : Double.toString(x);
    }
}
