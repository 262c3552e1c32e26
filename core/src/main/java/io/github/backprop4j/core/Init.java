package io.github.backprop4j.core;

import java.util.random.RandomGenerator;

/**
 * How a layer's weight starts: a rule that draws a (fanIn×fanOut) matrix from the caller's
 * generator, so that the same seed gives the same weight, bit for bit. Pass one where a layer is
 * built, for example
 * {@code new Linear(3, 8, Init.kaimingUniform(Nonlinearity.RELU.gain(), FanMode.FAN_IN), rng)}.
 *
 * <p>The factories follow {@code torch.nn.init}, with gains from {@link Nonlinearity}; the
 * formulas are in {@link Initializers}, which does the drawing.
 */
@FunctionalInterface
public interface Init {

    /**
     * Draws a weight.
     *
     * @param fanIn  the number of inputs of a unit, the weight's rows
     * @param fanOut the number of outputs, the weight's columns
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    Matrix weight(int fanIn, int fanOut, RandomGenerator rng);

    /**
     * PyTorch's default for {@code nn.Linear}: U(−1/√fanIn, 1/√fanIn).
     *
     * @return the rule
     */
    static Init pytorchDefault() {
        return (fanIn, fanOut, rng) -> Initializers.pytorchLinear(fanIn, fanOut, fanIn, rng);
    }

    /**
     * Xavier/Glorot uniform with gain 1, as {@code xavier_uniform_(w)}.
     *
     * @return the rule
     */
    static Init xavierUniform() {
        return xavierUniform(1.0);
    }

    /**
     * Xavier/Glorot uniform, as {@code xavier_uniform_(w, gain)}: U(−a, a) with
     * a = gain·√(6 / (fanIn + fanOut)).
     *
     * @param gain for example {@code Nonlinearity.TANH.gain()}
     * @return the rule
     */
    static Init xavierUniform(double gain) {
        Initializers.checkGain("Init.xavierUniform", gain);
        return (fanIn, fanOut, rng) -> Initializers.xavierUniform(fanIn, fanOut, gain, rng);
    }

    /**
     * Xavier/Glorot normal with gain 1, as {@code xavier_normal_(w)}.
     *
     * @return the rule
     */
    static Init xavierNormal() {
        return xavierNormal(1.0);
    }

    /**
     * Xavier/Glorot normal, as {@code xavier_normal_(w, gain)}: N(0, σ²) with
     * σ = gain·√(2 / (fanIn + fanOut)).
     *
     * @param gain for example {@code Nonlinearity.TANH.gain()}
     * @return the rule
     */
    static Init xavierNormal(double gain) {
        Initializers.checkGain("Init.xavierNormal", gain);
        return (fanIn, fanOut, rng) -> Initializers.xavierNormal(fanIn, fanOut, gain, rng);
    }

    /**
     * Kaiming/He uniform with PyTorch's defaults, as {@code kaiming_uniform_(w)}: gain √2 (the
     * gain of a leaky ReLU with slope 0, which is ReLU's) and fan-in mode.
     *
     * @return the rule
     */
    static Init kaimingUniform() {
        return kaimingUniform(Nonlinearity.RELU.gain(), FanMode.FAN_IN);
    }

    /**
     * Kaiming/He uniform: U(−b, b) with b = gain·√(3 / fan), fan = fanIn or fanOut.
     *
     * @param gain for example {@code Nonlinearity.RELU.gain()}
     * @param mode which fan preserves the variance: the forward pass's (FAN_IN) or backward's
     * @return the rule
     */
    static Init kaimingUniform(double gain, FanMode mode) {
        Initializers.checkGain("Init.kaimingUniform", gain);
        return (fanIn, fanOut, rng) -> Initializers.kaimingUniform(fanIn, fanOut, gain, mode, rng);
    }

    /**
     * Kaiming/He normal with PyTorch's defaults, as {@code kaiming_normal_(w)}: gain √2 and
     * fan-in mode.
     *
     * @return the rule
     */
    static Init kaimingNormal() {
        return kaimingNormal(Nonlinearity.RELU.gain(), FanMode.FAN_IN);
    }

    /**
     * Kaiming/He normal: N(0, σ²) with σ = gain / √fan, fan = fanIn or fanOut.
     *
     * @param gain for example {@code Nonlinearity.RELU.gain()}
     * @param mode which fan preserves the variance
     * @return the rule
     */
    static Init kaimingNormal(double gain, FanMode mode) {
        Initializers.checkGain("Init.kaimingNormal", gain);
        return (fanIn, fanOut, rng) -> Initializers.kaimingNormal(fanIn, fanOut, gain, mode, rng);
    }

    /** Which fan a Kaiming initialisation divides by, as PyTorch's {@code mode}. */
    enum FanMode {
        /** Preserves the variance of the activations in the forward pass: PyTorch's default. */
        FAN_IN,
        /** Preserves the variance of the gradients in the backward pass. */
        FAN_OUT
    }
}
