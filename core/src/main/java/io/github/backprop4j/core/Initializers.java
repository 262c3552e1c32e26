package io.github.backprop4j.core;

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
 *   <tr><td>{@link #xavierUniform}</td><td>U(−a, a), a = √(6 / (fanIn + fanOut))</td></tr>
 *   <tr><td>{@link #xavierNormal}</td><td>N(0, σ²), σ = √(2 / (fanIn + fanOut))</td></tr>
 *   <tr><td>{@link #heNormal}</td><td>N(0, σ²), σ = √(2 / fanIn), for ReLU networks</td></tr>
 *   <tr><td>{@link #zeros}</td><td>all zeros</td></tr>
 * </table>
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
     * Xavier/Glorot uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)), for a weight of shape
     * (fanIn×fanOut).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierUniform(int fanIn, int fanOut, RandomGenerator rng) {
        checkFan("Initializers.xavierUniform", "fanIn", fanIn);
        checkFan("Initializers.xavierUniform", "fanOut", fanOut);
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return Matrix.uniform(fanIn, fanOut, -a, a, rng);
    }

    /**
     * Xavier/Glorot normal: N(0, σ²) with σ = √(2 / (fanIn + fanOut)), for a weight of shape
     * (fanIn×fanOut).
     *
     * @param fanIn  rows of the result, {@code > 0}
     * @param fanOut columns of the result, {@code > 0}
     * @param rng    the source of randomness
     * @return a new (fanIn×fanOut) matrix
     */
    public static Matrix xavierNormal(int fanIn, int fanOut, RandomGenerator rng) {
        checkFan("Initializers.xavierNormal", "fanIn", fanIn);
        checkFan("Initializers.xavierNormal", "fanOut", fanOut);
        return Matrix.normal(fanIn, fanOut, 0, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
    }

    /**
     * He/Kaiming normal for ReLU networks: N(0, σ²) with σ = √(2 / fanIn), for a weight of shape
     * (fanIn×fanOut).
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

    private static void checkFan(String op, String name, int fan) {
        if (fan <= 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be positive, got " + fan);
        }
    }
}
