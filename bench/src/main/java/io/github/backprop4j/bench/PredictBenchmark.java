package io.github.backprop4j.bench;

import io.github.backprop4j.blas.OpenBlasKernels;
import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.layers.Sequential;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inference batches per second when threads share one model: {@link Sequential#predict(Matrix)}
 * on one thread and on two at once, against two threads that take turns, as predict did when it
 * was a synchronized forward and copy.
 *
 * <ul>
 *   <li>{@code predictOneThread}: one thread calling {@code model.predict(x)}.</li>
 *   <li>{@code predictTwoThreads}: two threads calling it on the same model at once; JMH reports
 *       the batches of both threads together.</li>
 *   <li>{@code lockedTwoThreads}: two threads, each running {@code forward} and {@code copy}
 *       while holding the model's lock.</li>
 * </ul>
 * The networks are {@link MlpConfig}'s S and M, built by {@link FrameworkMlp} from seed 0; X is
 * one batch of the configuration's size from N(0, 1), seed 1, read by both threads. The kernels
 * run every product on the calling thread, so that the threads compared are the callers'. Two
 * threads can at best double the throughput, and only on a machine with two idle cores.
 *
 * <p>Run:
 * <pre>{@code
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar PredictBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PredictBenchmark {

    /** Which network. */
    @Param({"S", "M"})
    public String config;

    /** Whose matrix products: EJML's pure Java, or OpenBLAS through the blas module. */
    @Param({"ejml", "openblas"})
    public String kernels;

    private MatrixKernels previous;
    private Sequential model;
    private Matrix x;

    /** Builds the network on single-threaded kernels of the chosen kind. */
    @Setup(Level.Trial)
    public void setUp() {
        MatrixKernels chosen = switch (kernels) {
            case "ejml" -> new EjmlKernels(EjmlKernels.SINGLE_THREADED);
            case "openblas" -> new OpenBlasKernels(1, OpenBlasKernels.DEFAULT_THREAD_THRESHOLD);
            default -> throw new IllegalArgumentException("PredictBenchmark: kernels must be ejml"
                    + " or openblas, got " + kernels);
        };
        previous = Kernels.use(chosen);
        MlpConfig c = MlpConfig.valueOf(config);
        int[] widths = c.widths();
        x = Matrix.normal(c.batch(), widths[0], 0, 1, new SplittableRandom(1));
        model = new FrameworkMlp(widths, new SplittableRandom(0)).model();
    }

    /** Puts the previous kernels back. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Kernels.use(previous);
    }

    /**
     * One batch through {@code predict}, on one thread.
     *
     * @return the prediction
     */
    @Benchmark
    @Threads(1)
    public Matrix predictOneThread() {
        return model.predict(x);
    }

    /**
     * One batch through {@code predict}, on each of two threads sharing the model.
     *
     * @return the prediction
     */
    @Benchmark
    @Threads(2)
    public Matrix predictTwoThreads() {
        return model.predict(x);
    }

    /**
     * One batch through {@code forward} and {@code copy} under the model's lock, on each of two
     * threads: the threads take turns.
     *
     * @return the prediction
     */
    @Benchmark
    @Threads(2)
    public Matrix lockedTwoThreads() {
        synchronized (model) {
            return model.forward(x).copy();
        }
    }
}
