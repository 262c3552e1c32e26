package io.github.backprop4j.core;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Weight initialisers. Each takes the caller's {@link RandomGenerator}, so the same seed gives
 * the same weights, bit for bit.
 *
 * <p>{@code fanIn} is the number of inputs of a unit and {@code fanOut} the number of outputs;
 * for a weight of shape (in×out) they are {@code in} and {@code out}.
 *
 * <table>
 *   <caption>Initialisers and their distributions</caption>
 *   <tr><th>method</th><th>distribution</th></tr>
 *   <tr><td>{@link #pytorchLinear}</td><td>U(−1/√fanIn, 1/√fanIn), PyTorch's default for
 *       {@code nn.Linear}'s weight and bias</td></tr>
 *   <tr><td>{@link #xavierUniform}</td><td>U(−a, a), a = gain·√(6 / (fanIn + fanOut))</td></tr>
 *   <tr><td>{@link #xavierNormal}</td><td>N(0, σ²), σ = gain·√(2 / (fanIn + fanOut))</td></tr>
 *   <tr><td>{@link #kaimingUniform}</td><td>U(−b, b), b = gain·√(3 / fan)</td></tr>
 *   <tr><td>{@link #kaimingNormal}</td><td>N(0, σ²), σ = gain / √fan</td></tr>
 *   <tr><td>{@link #heNormal}</td><td>N(0, σ²), σ = √(2 / fanIn), for ReLU networks</td></tr>
 *   <tr><td>{@link #zeros}</td><td>all zeros</td></tr>
 * </table>
 * The formulas are {@code torch.nn.init}'s: the gain is a {@link Nonlinearity}'s, and
 * {@code fan} is fanIn or fanOut by the {@link Init.FanMode}. Each keeps the variance of a
 * layer's outputs (Kaiming, fan-in) or of its inputs and gradients together (Xavier) at the
 * variance of what comes in, times gain². The uniform forms have the normal forms' variance:
 * U(−b, b) has variance b²/3. {@link Init} wraps each as a rule a layer is built with.
 */
public final class Initializers {

    private Initializers() {
    }

    /**
     * PyTorch's default for {@code nn.Linear}: U(−1/√fanIn, 1/√fanIn), used for both the weight
     * and the bias. (PyTorch writes it as Kaiming uniform with a = √5, which reduces to this.)
     *
     * @param rows  rows of the result
     * @param cols  columns of the result
     * @param fanIn the layer's number of inputs, {@code > 0}
     * @param rng   the source of randomness
     * @return a new (rows×cols) matrix
     */
    public static Matrix pytorchLinear(int rows, int cols, int fanIn, RandomGenerator rng) {
        checkFan("Initializers.pytorchLinear", "fanIn", fanIn);
        double bound = 1.0 / Math.sqrt(fanIn);
        return Matrix.uniform(rows, cols, -bound, bound, rng);
    }

    /**
     * Xavier/Glorot uniform with gain 1: U(−a, a) with a = √(6 / (fanIn + fanOut)), for a
     * weight of shape (fanIn×fanOut).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierUniform(int fanIn, int fanOut, RandomGenerator rng) {
        return xavierUniform(fanIn, fanOut, 1.0, rng);
    }

    /**
     * Xavier/Glorot uniform, as {@code torch.nn.init.xavier_uniform_}: U(−a, a) with
     * a = gain·√(6 / (fanIn + fanOut)), so that the variance is gain²·2 / (fanIn + fanOut).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param gain   positive and finite, such as {@link Nonlinearity#gain()}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierUniform(int fanIn, int fanOut, double gain, RandomGenerator rng) {
        double std = gain * Math.sqrt(2.0 / fanSum("Initializers.xavierUniform", fanIn, fanOut,
                gain));
        double a = Math.sqrt(3.0) * std;                      // a = √3·σ
        return Matrix.uniform(fanIn, fanOut, -a, a, rng);
    }

    /**
     * Xavier/Glorot normal with gain 1: N(0, σ²) with σ = √(2 / (fanIn + fanOut)), for a weight
     * of shape (fanIn×fanOut).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierNormal(int fanIn, int fanOut, RandomGenerator rng) {
        return xavierNormal(fanIn, fanOut, 1.0, rng);
    }

    /**
     * Xavier/Glorot normal, as {@code torch.nn.init.xavier_normal_}: N(0, σ²) with
     * σ = gain·√(2 / (fanIn + fanOut)).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param gain   positive and finite, such as {@link Nonlinearity#gain()}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierNormal(int fanIn, int fanOut, double gain, RandomGenerator rng) {
        double std = gain * Math.sqrt(2.0 / fanSum("Initializers.xavierNormal", fanIn, fanOut,
                gain));
        return Matrix.normal(fanIn, fanOut, 0, std, rng);
    }

    /**
     * Kaiming/He uniform, as {@code torch.nn.init.kaiming_uniform_}: U(−b, b) with
     * b = gain·√(3 / fan), so that the variance is gain² / fan.
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param gain   positive and finite, such as {@code Nonlinearity.RELU.gain()}
     * @param mode   {@code FAN_IN} (PyTorch's default) divides by fanIn, {@code FAN_OUT} by fanOut
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix kaimingUniform(int fanIn, int fanOut, double gain, Init.FanMode mode,
                                        RandomGenerator rng) {
        double std = gain / Math.sqrt(fan("Initializers.kaimingUniform", fanIn, fanOut, gain,
                mode));                                       // σ = gain / √fan
        double b = Math.sqrt(3.0) * std;                      // b = √3·σ
        return Matrix.uniform(fanIn, fanOut, -b, b, rng);
    }

    /**
     * Kaiming/He normal, as {@code torch.nn.init.kaiming_normal_}: N(0, σ²) with
     * σ = gain / √fan.
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param gain   positive and finite, such as {@code Nonlinearity.RELU.gain()}
     * @param mode   {@code FAN_IN} (PyTorch's default) divides by fanIn, {@code FAN_OUT} by fanOut
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix kaimingNormal(int fanIn, int fanOut, double gain, Init.FanMode mode,
                                       RandomGenerator rng) {
        double std = gain / Math.sqrt(fan("Initializers.kaimingNormal", fanIn, fanOut, gain,
                mode));                                       // σ = gain / √fan
        return Matrix.normal(fanIn, fanOut, 0, std, rng);
    }

    /**
     * He/Kaiming normal for ReLU networks: N(0, σ²) with σ = √(2 / fanIn), for a weight of shape
     * (fanIn×fanOut); {@link #kaimingNormal} with gain √2 in fan-in mode, up to the rounding of
     * σ.
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix heNormal(int fanIn, int fanOut, RandomGenerator rng) {
        checkFan("Initializers.heNormal", "fanIn", fanIn);
        checkFan("Initializers.heNormal", "fanOut", fanOut);
        return Matrix.normal(fanIn, fanOut, 0, Math.sqrt(2.0 / fanIn), rng);
    }

    /**
     * All zeros, the usual start for a bias.
     *
     * @param rows rows of the result
     * @param cols columns of the result
     * @return a new (rows×cols) matrix of zeros
     */
    public static Matrix zeros(int rows, int cols) {
        return Matrix.zeros(rows, cols);
    }

    /** fanIn + fanOut, after checking both and the gain. */
    private static int fanSum(String op, int fanIn, int fanOut, double gain) {
        fan(op, fanIn, fanOut, gain, Init.FanMode.FAN_IN);
        return fanIn + fanOut;
    }

    /** fanIn or fanOut by the mode, after checking both fans and the gain. */
    private static int fan(String op, int fanIn, int fanOut, double gain, Init.FanMode mode) {
        checkFan(op, "fanIn", fanIn);
        checkFan(op, "fanOut", fanOut);
        checkGain(op, gain);
        Objects.requireNonNull(mode, op + ": mode must not be null");
        return mode == Init.FanMode.FAN_IN ? fanIn : fanOut;
    }

    /**
     * Checks a gain.
     *
     * @param op   the operation named in the message
     * @param gain the gain
     * @throws IllegalArgumentException if it is not positive and finite
     */
    static void checkGain(String op, double gain) {
        if (!(gain > 0 && gain < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(op + ": gain must be positive and finite, got "
                    + gain);
        }
    }

    private static void checkFan(String op, String name, int fan) {
        if (fan <= 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be positive, got " + fan);
        }
    }
}
