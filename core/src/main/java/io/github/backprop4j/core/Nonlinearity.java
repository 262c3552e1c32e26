package io.github.backprop4j.core;

/**
 * The nonlinearity that follows a layer, for the gain of its initialisation, with PyTorch's
 * {@code torch.nn.init.calculate_gain} values.
 *
 * <table>
 *   <caption>Gains</caption>
 *   <tr><th>nonlinearity</th><th>gain</th></tr>
 *   <tr><td>{@link #LINEAR}, {@link #SIGMOID}</td><td>1</td></tr>
 *   <tr><td>{@link #TANH}</td><td>5/3</td></tr>
 *   <tr><td>{@link #RELU}</td><td>√2</td></tr>
 *   <tr><td>{@link #LEAKY_RELU}</td><td>√(2 / (1 + a²)), a the negative slope (0.01 by
 *       default)</td></tr>
 * </table>
 * The gain makes up for how much the nonlinearity shrinks the variance of what passes through
 * it: ReLU zeroes half of a symmetric input, which halves its second moment, hence √2.
 */
public enum Nonlinearity {
    /** The identity: no nonlinearity. */
    LINEAR,
    /** The logistic sigmoid. */
    SIGMOID,
    /** The hyperbolic tangent. */
    TANH,
    /** max(x, 0). */
    RELU,
    /** x for x &gt; 0, a·x otherwise. */
    LEAKY_RELU;

    /** {@code calculate_gain}'s default negative slope for {@link #LEAKY_RELU}. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    /**
     * The gain, as {@code torch.nn.init.calculate_gain(name)}; for {@link #LEAKY_RELU}, with the
     * slope 0.01.
     *
     * @return the gain
     */
    public double gain() {
        return gain(DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * The gain, as {@code torch.nn.init.calculate_gain(name, negativeSlope)}; the slope matters
     * only for {@link #LEAKY_RELU}.
     *
     * @param negativeSlope a, finite
     * @return the gain
     * @throws IllegalArgumentException if {@code negativeSlope} is not finite
     */
    public double gain(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("Nonlinearity.gain: negativeSlope must be finite,"
                    + " got " + negativeSlope);
        }
        switch (this) {
            case TANH:
                return 5.0 / 3;
            case RELU:
                return Math.sqrt(2.0);
            case LEAKY_RELU:
                return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
            default:
                return 1.0;
        }
    }
}
