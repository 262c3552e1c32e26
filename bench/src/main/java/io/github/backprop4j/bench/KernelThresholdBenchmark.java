package io.github.backprop4j.bench;

import io.github.backprop4j.core.EjmlKernels;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where EJML's multi-threaded products start to pay: square products c = a·b and the
 * weight-gradient form c += aᵀ·b of side n, on the calling thread ({@code single}) and with
 * {@code CommonOps_MT_DDRM} ({@code mt}). A product of side n costs n³ multiply-adds; the
 * smallest n³ at which {@code mt} wins is {@link EjmlKernels#DEFAULT_THREAD_THRESHOLD}.
 *
 * <p>Run:
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar KernelThresholdBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelThresholdBenchmark {

    /** The side n of the square matrices. */
    @Param({"16", "32", "48", "64", "96", "128", "192", "256", "512"})
    public int n;

    /** {@code single} or {@code mt}. */
    @Param({"single", "mt"})
    public String kernel;

    private MatrixKernels kernels;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    /** Random inputs and the kernels under test. */
    @Setup(Level.Trial)
    public void setUp() {
        kernels = switch (kernel) {
            case "single" -> new EjmlKernels(EjmlKernels.SINGLE_THREADED);
            case "mt" -> new EjmlKernels(1);
            default -> throw new IllegalArgumentException("KernelThresholdBenchmark: kernel must"
                    + " be single or mt, got " + kernel);
        };
        SplittableRandom rng = new SplittableRandom(3);
        a = random(n, rng);
        b = random(n, rng);
        c = new DMatrixRMaj(n, n);
    }

    private static DMatrixRMaj random(int n, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    /**
     * c = a·b, the forward product.
     *
     * @return c
     */
    @Benchmark
    public DMatrixRMaj mult() {
        kernels.mult(a, b, c);
        return c;
    }

    /**
     * c += aᵀ·b, the weight-gradient product.
     *
     * @return c
     */
    @Benchmark
    public DMatrixRMaj multAddTransA() {
        kernels.multAddTransA(a, b, c);
        return c;
    }
}
