package io.github.backprop4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training step allocates nothing once warmed up, nor does inference ({@code forward}, or
 * {@code predict} into a reused matrix): the bytes this thread allocates over 1,000 steps, as the
 * JVM counts them, stay below a small constant. Nothing is timed.
 *
 * <p>Each test measures up to {@value #WINDOWS} windows of {@value #STEPS} steps and keeps the
 * smallest count. While the JIT compiler is still warming up, the JVM's own work (compiling,
 * deoptimising) now and then books a few hundred bytes to this thread; that noise comes and goes,
 * whereas an allocation in the step itself would show in every window, as at least 8 bytes per
 * step. (Run interpreted, with {@code -Xint}, the step allocates exactly 0 bytes.)
 */
class TrainingStepAllocationTest {

    /** Steps (or forward passes) per measured window. */
    private static final int STEPS = 1_000;
    /** Windows measured at most; the first clean one ends the test. */
    private static final int WINDOWS = 10;
    /** Steps before measuring: the first ones grow the buffers, load classes, start the JIT. */
    private static final int WARM_UP_STEPS = 2_000;
    /**
     * Bytes one window may allocate: far below the 8,000 bytes that even one 8-byte allocation
     * per step would cost.
     */
    private static final long ALLOWED_BYTES = 1_024;
    /** Steps per half-cycle when the batch size changes. */
    private static final int STEPS_PER_PHASE = 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Runs {@code work} {@code times} times per window and returns the bytes allocated by the
     * cleanest window, stopping at the first one under the limit; all counts go into {@code log}.
     */
    private static long leastAllocated(IntWork work, int times, StringBuilder log) {
        long least = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS && least >= ALLOWED_BYTES; w++) {
            long before = allocatedBytes();
            for (int i = 0; i < times; i++) {
                work.run(i);
            }
            long allocated = allocatedBytes() - before;
            log.append(allocated).append(' ');
            least = Math.min(least, allocated);
        }
        return least;
    }

    /** A unit of work; an int argument so that no boxing is needed. */
    @FunctionalInterface
    private interface IntWork {
        void run(int i);
    }

    private static Matrix[] batch(MlpConfig c, int rows, long seed) {
        int[] widths = c.widths();
        SplittableRandom rng = new SplittableRandom(seed);
        return new Matrix[] {Matrix.normal(rows, widths[0], 0, 1, rng),
            Matrix.normal(rows, widths[widths.length - 1], 0, 1, rng)};
    }

    @Test
    void allocatedBytes_counterWorks_seesAnAllocation() {
        long before = allocatedBytes();
        Matrix m = Matrix.zeros(100, 100);
        long after = allocatedBytes();

        assertTrue(after - before >= 8L * m.size(), () -> "allocated " + (after - before));
    }

    @ParameterizedTest
    @CsvSource({"T, sgd", "S, sgd", "T, adam", "S, adam"})
    void step_fixedBatchAfterWarmUp_allocatesNothing(MlpConfig c, String optimizer) {
        FrameworkMlp mlp = new FrameworkMlp(c.widths(), new SplittableRandom(0), optimizer);
        Matrix[] xt = batch(c, c.batch(), 1);
        double[] loss = new double[1];
        IntWork step = i -> loss[0] += mlp.step(xt[0], xt[1]);
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step.run(i);
        }

        StringBuilder log = new StringBuilder();
        long allocated = leastAllocated(step, STEPS, log);

        assertTrue(Double.isFinite(loss[0]), "loss " + loss[0]);
        assertTrue(allocated < ALLOWED_BYTES, () -> c + " " + optimizer + ": windows of " + STEPS
                + " steps allocated " + log + "bytes");
    }

    @ParameterizedTest
    @EnumSource(names = {"T", "S"})
    void inference_fixedBatchAfterWarmUp_allocatesNothing(MlpConfig c) {
        FrameworkMlp mlp = new FrameworkMlp(c.widths(), new SplittableRandom(0));
        Matrix x = batch(c, c.batch(), 1)[0];
        double[] sum = new double[1];
        Matrix out = Matrix.zeros(0, 0);
        IntWork infer = i -> {
            sum[0] += mlp.infer(x).get(0, 0);                 // Sequential.forward
            mlp.model().predict(x, out);                      // predict into a reused matrix
            sum[0] += out.get(0, 0);
        };
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            infer.run(i);
        }

        StringBuilder log = new StringBuilder();
        long allocated = leastAllocated(infer, STEPS, log);

        assertTrue(Double.isFinite(sum[0]), "sum " + sum[0]);
        assertTrue(allocated < ALLOWED_BYTES, () -> c + ": windows of " + STEPS
                + " forward passes and predicts allocated " + log + "bytes");
    }

    /**
     * Big, small, big: the first cycle grows the buffers to the big batch; later cycles reuse
     * them, since buffers only grow. The counter proves it: the first cycle allocates, a window
     * of later cycles does not.
     */
    @ParameterizedTest
    @EnumSource(names = {"T", "S"})
    void step_batchSizeChangesBigSmallBig_reallocatesOnlyInTheFirstCycle(MlpConfig c) {
        FrameworkMlp mlp = new FrameworkMlp(c.widths(), new SplittableRandom(0));
        Matrix[] big = batch(c, c.batch(), 1);
        Matrix[] small = batch(c, c.batch() / 4, 2);
        double[] loss = new double[1];
        IntWork cycle = i -> {
            for (int s = 0; s < STEPS_PER_PHASE; s++) {
                loss[0] += mlp.step(big[0], big[1]);
            }
            for (int s = 0; s < STEPS_PER_PHASE; s++) {
                loss[0] += mlp.step(small[0], small[1]);
            }
        };
        int cycles = STEPS / (2 * STEPS_PER_PHASE);
        long before = allocatedBytes();
        cycle.run(0);
        long firstCycle = allocatedBytes() - before;
        for (int i = 0; i < WARM_UP_STEPS / (2 * STEPS_PER_PHASE); i++) {
            cycle.run(i);
        }

        StringBuilder log = new StringBuilder();
        long allocated = leastAllocated(cycle, cycles, log);

        assertTrue(Double.isFinite(loss[0]), "loss " + loss[0]);
        assertTrue(firstCycle > 8L * c.batch() * c.widths()[1], () -> "the first cycle must grow"
                + " the buffers, allocated only " + firstCycle + " bytes");
        assertTrue(allocated < ALLOWED_BYTES, () -> c + ": windows of " + STEPS + " steps"
                + " changing the batch size allocated " + log + "bytes");
    }
}
