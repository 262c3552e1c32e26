package io.github.backprop4j.bench;

import io.github.backprop4j.blas.OpenBlasKernels;
import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import io.github.backprop4j.train.Trainer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code train} module's {@link Trainer} against the loop it replaces, written by hand: one
 * epoch of {@value #STEPS} mini-batches per invocation, reported per training step
 * ({@code @OperationsPerInvocation}), so that the trainer's overhead is the ratio of the two.
 *
 * <ul>
 *   <li>{@code handWritten}: {@code for (Batch b : loader.epoch())} zeroGrad, forward, MSE,
 *       backward, SGD (lr 0.01, momentum 0.9), the loop of {@code Batches}' Javadoc;</li>
 *   <li>{@code trainer}: {@code trainer.fit(data)} with one epoch and the same batches, no
 *       validation set, metric or file: the step, the loss bookkeeping, the listener calls,
 *       and once per epoch the result objects.</li>
 * </ul>
 * The data are {@value #STEPS} batches of the config's size, N(0, 1) from seed 1; both networks
 * start from seed 0 (their weights then move apart, which does not change the arithmetic per
 * step). With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per step:
 * the per-epoch objects (the batch iterator; for the trainer, the epoch's result and the
 * returned history) divided by {@value #STEPS}.
 *
 * <pre>{@code
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar TrainerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainerBenchmark {

    /** Training steps (mini-batches) per invocation: one epoch. */
    static final int STEPS = 256;

    /** Which network. */
    @Param({"T", "S"})
    public String config;

    /** Whose matrix products: EJML's pure Java, or OpenBLAS through the blas module. */
    @Param({"ejml", "openblas"})
    public String kernels;

    private MatrixKernels previous;
    private Dataset data;
    private Sequential handModel;
    private SGD handSgd;
    private MSELoss handLoss;
    private Batches loader;
    private Trainer trainer;

    /** Builds the data, both networks, the loader and the trainer, on one thread's kernels. */
    @Setup(Level.Trial)
    public void setUp() {
        MatrixKernels chosen = switch (kernels) {
            case "ejml" -> new EjmlKernels(EjmlKernels.SINGLE_THREADED);
            case "openblas" -> new OpenBlasKernels(1, OpenBlasKernels.DEFAULT_THREAD_THRESHOLD);
            default -> throw new IllegalArgumentException("TrainerBenchmark: kernels must be ejml"
                    + " or openblas, got " + kernels);
        };
        previous = Kernels.use(chosen);
        MlpConfig c = MlpConfig.valueOf(config);
        int[] widths = c.widths();
        SplittableRandom rng = new SplittableRandom(1);
        data = new Dataset(Matrix.normal(STEPS * c.batch(), widths[0], 0, 1, rng),
                Matrix.normal(STEPS * c.batch(), widths[widths.length - 1], 0, 1, rng));

        handModel = new FrameworkMlp(widths, new SplittableRandom(0)).model();
        handSgd = sgd(handModel);
        handLoss = new MSELoss();
        loader = new Batches(data, c.batch());

        Sequential model = new FrameworkMlp(widths, new SplittableRandom(0)).model();
        trainer = Trainer.builder(model, new MSELoss(), sgd(model)).epochs(1)
                .batchSize(c.batch()).progressBar(false).build();
    }

    private static SGD sgd(Sequential model) {
        return SGD.builder(model.parameters()).learningRate(FrameworkMlp.LEARNING_RATE)
                .momentum(FrameworkMlp.MOMENTUM).build();
    }

    /** Puts the previous kernels back. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Kernels.use(previous);
    }

    /**
     * One epoch of the hand-written loop.
     *
     * @return the sum of the batch losses, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double handWritten() {
        double sum = 0;
        for (Batch b : loader.epoch()) {
            handSgd.zeroGrad();
            sum += handLoss.forward(handModel.forward(b.features()), b.targets());
            handModel.backward(handLoss.backward());
            handSgd.step();
        }
        return sum;
    }

    /**
     * One epoch through the trainer.
     *
     * @return the epoch's mean loss
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double trainer() {
        return trainer.fit(data).last().loss();
    }
}
