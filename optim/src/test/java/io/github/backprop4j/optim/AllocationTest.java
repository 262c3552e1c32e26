package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A training step's optimizer work allocates nothing once warmed up: every optimizer's
 * {@code step()} with every buffer it can have, together with a schedule's {@code step()} and
 * {@link Gradients#clipNorm}, as a training loop calls them. Counted by the JVM's per-thread
 * allocation counter over rounds of 10,000 steps, until one allocates nothing.
 */
class AllocationTest {

    private static final int STEPS = 10_000;
    /**
     * Rounds of {@link #STEPS} steps to wait for a round that allocates nothing. The first ones
     * run while the JIT compiles, which may allocate a few hundred bytes at a change of code
     * (objects an optimisation had removed are rebuilt when the compiled code is left); a step
     * that allocated anything would allocate in every round.
     */
    private static final int MAX_ROUNDS = 10;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) p -> SGD.builder(p)
                        .learningRate(0.01).momentum(0.9).nesterov(true).weightDecay(0.01)
                        .build()),
                Arguments.of("Adam", (Function<List<Parameter>, Optimizer>) p -> Adam.builder(p)
                        .amsgrad(true).weightDecay(0.01).build()),
                Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>) p -> AdamW.builder(p)
                        .amsgrad(true).build()),
                Arguments.of("RMSprop", (Function<List<Parameter>, Optimizer>) p -> RMSprop
                        .builder(p).centered(true).momentum(0.9).weightDecay(0.01).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void step_withScheduleAndClipping_allocatesNothingOnceWarm(String name,
            Function<List<Parameter>, Optimizer> make) {
        SplittableRandom rng = new SplittableRandom(7);
        List<Parameter> params = List.of(
                new Parameter("weight", Matrix.uniform(8, 4, -1, 1, rng)),
                new Parameter("bias", Matrix.uniform(1, 4, -1, 1, rng)));
        params.forEach(p -> p.grad().set(0, 0, 0.5));
        Optimizer optimizer = make.apply(params);
        LRScheduler[] schedules = {new StepLR(optimizer, 1000, 0.99),
            new ExponentialLR(optimizer, 0.9999), new CosineAnnealingLR(optimizer, 500, 1e-6)};
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        List<Long> rounds = new ArrayList<>();
        do {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int t = 0; t < STEPS; t++) {
                Gradients.clipNorm(params, 10);
                optimizer.step();
                schedules[t % schedules.length].step();
            }
            rounds.add(threads.getThreadAllocatedBytes(thread) - before);
        } while (rounds.get(rounds.size() - 1) != 0 && rounds.size() < MAX_ROUNDS);

        assertEquals(0, rounds.get(rounds.size() - 1),
                name + ": bytes allocated by each round of " + STEPS + " steps: " + rounds);
    }
}
