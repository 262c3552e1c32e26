package io.github.backprop4j.bench;

import io.github.backprop4j.blas.OpenBlasKernels;
import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixKernels;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps and inference batches per second of the four benchmark networks
 * ({@link MlpConfig}), for the framework and for the hand-written {@link IdealMlp} on the same
 * kernels, so that the framework's overhead is the ratio of the two.
 *
 * <ul>
 *   <li>{@code train}: zeroGrad, forward, MSE, backward, SGD (lr 0.01, momentum 0.9) through
 *       {@link FrameworkMlp}, the public API; with {@code -p optimizer=adam}, Adam (lr 0.001,
 *       PyTorch's defaults) instead.</li>
 *   <li>{@code infer}: {@code Sequential.forward} alone, as for inference.</li>
 *   <li>{@code idealTrain}, {@code idealInfer}: the same arithmetic by hand.</li>
 * </ul>
 * The batch is fixed and reused: X and T are N(0, 1), drawn from seed 1; the weights from seed 0.
 * {@code kernels} chooses EJML's or OpenBLAS's products; the ideal step always runs on the same
 * kernels as the framework. {@code threads=1} keeps every product on the calling thread;
 * {@code threads=auto} lets products of at least 2,000,000 multiply-adds use both cores
 * ({@link EjmlKernels#DEFAULT_THREAD_THRESHOLD}, {@link OpenBlasKernels#DEFAULT_THREAD_THRESHOLD}).
 *
 * <p>Run (one round of {@code bench/run-benchmarks.sh}, which alternates it with
 * {@code bench/pytorch/mlp_bench.py}):
 * <pre>{@code
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar MlpBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 * Adam's step, on T and M:
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar 'MlpBenchmark.(train|idealTrain)$' \
 *     -p optimizer=adam -p config=T,M -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {

    /** Which network. */
    @Param({"T", "S", "M", "L"})
    public String config;

    /** {@code 1}: single-threaded kernels; {@code auto}: the default threshold. */
    @Param({"1"})
    public String threads;

    /**
     * The training step's optimizer: {@code sgd} (with momentum) or {@code adam}. Inference does
     * not depend on it.
     */
    @Param({"sgd"})
    public String optimizer;

    /** Whose matrix products: EJML's pure Java, or OpenBLAS through the blas module. */
    @Param({"ejml", "openblas"})
    public String kernels;

    private MatrixKernels previous;
    private FrameworkMlp framework;
    private IdealMlp ideal;
    private Matrix x;
    private Matrix target;

    /** Builds both networks on the chosen kernels. */
    @Setup(Level.Trial)
    public void setUp() {
        if (!threads.equals("1") && !threads.equals("auto")) {
            throw new IllegalArgumentException("MlpBenchmark: threads must be 1 or auto, got "
                    + threads);
        }
        boolean single = threads.equals("1");
        MatrixKernels chosen = switch (kernels) {
            case "ejml" -> new EjmlKernels(single
                    ? EjmlKernels.SINGLE_THREADED : EjmlKernels.DEFAULT_THREAD_THRESHOLD);
            case "openblas" -> single
                    ? new OpenBlasKernels(1, OpenBlasKernels.DEFAULT_THREAD_THRESHOLD)
                    : new OpenBlasKernels(2, OpenBlasKernels.DEFAULT_THREAD_THRESHOLD);
            default -> throw new IllegalArgumentException("MlpBenchmark: kernels must be ejml or"
                    + " openblas, got " + kernels);
        };
        previous = Kernels.use(chosen);
        MlpConfig c = MlpConfig.valueOf(config);
        int[] widths = c.widths();
        SplittableRandom data = new SplittableRandom(1);
        x = Matrix.normal(c.batch(), widths[0], 0, 1, data);
        target = Matrix.normal(c.batch(), widths[widths.length - 1], 0, 1, data);
        framework = new FrameworkMlp(widths, new SplittableRandom(0), optimizer);
        ideal = optimizer.equals("adam")
                ? IdealMlp.adam(widths, x.toEjml(), target.toEjml(),
                        FrameworkMlp.ADAM_LEARNING_RATE, chosen, new SplittableRandom(0))
                : new IdealMlp(widths, x.toEjml(), target.toEjml(), FrameworkMlp.LEARNING_RATE,
                        FrameworkMlp.MOMENTUM, chosen, new SplittableRandom(0));
    }

    /** Puts the previous kernels back. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Kernels.use(previous);
    }

    /**
     * One framework training step.
     *
     * @return the loss, so that the step is not optimised away
     */
    @Benchmark
    public double train() {
        return framework.step(x, target);
    }

    /**
     * One framework forward pass for inference ({@code Sequential.forward}).
     *
     * @return the output
     */
    @Benchmark
    public Matrix infer() {
        return framework.infer(x);
    }

    /**
     * One ideal training step.
     *
     * @return the loss
     */
    @Benchmark
    public double idealTrain() {
        return ideal.step();
    }

    /**
     * One ideal forward pass.
     *
     * @return the output
     */
    @Benchmark
    public DMatrixRMaj idealInfer() {
        return ideal.forward();
    }
}
