package io.github.backprop4j.bench;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.ReLU;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether {@link ReLU} needs a faster backward loop than its definition,
 * {@code dx = x > 0 ? g : 0}: the layer's {@code forward} and {@code backward} on (n×n)
 * activations drawn from N(0, 1), so that the sign of each entry is a coin flip, against
 * {@code branchless}, the same result computed without a branch by ANDing the bits of g with a
 * sign mask ({@link IdealMlp}'s loop).
 *
 * <p>n = 256 is the hidden activation of configuration M (batch 256, width 256), where a
 * training step takes milliseconds; compare the difference with {@link MlpBenchmark}'s step
 * before making the layer's loop harder to read.
 *
 * <p>Run:
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar ReluBenchmark -f 3 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ReluBenchmark {

    /** The side n of the activations. */
    @Param({"64", "256"})
    public int n;

    private final ReLU relu = new ReLU();
    private Matrix x;
    private Matrix g;
    private DMatrixRMaj pre;
    private DMatrixRMaj grad;

    /** Random activations and gradients, and one forward pass so that backward may run. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        x = Matrix.normal(n, n, 0, 1, rng);
        g = Matrix.normal(n, n, 0, 1, rng);
        pre = x.toEjml();
        grad = g.toEjml();
        relu.forward(x);
    }

    /**
     * The layer's forward pass, Y = max(X, 0).
     *
     * @return Y
     */
    @Benchmark
    public Matrix forward() {
        return relu.forward(x);
    }

    /**
     * The layer's backward pass, its plain loop {@code dx = x > 0 ? g : 0}.
     *
     * @return ∂L/∂X
     */
    @Benchmark
    public Matrix backward() {
        return relu.backward(g);
    }

    /**
     * The same values without a branch, in place as the ideal step computes them (the mask
     * depends on X only, so repeating it on its own output costs the same every time).
     *
     * @return ∂L/∂X
     */
    @Benchmark
    public DMatrixRMaj branchless() {
        IdealMlp.reluMask(pre, grad);
        return grad;
    }
}
