package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Validation and the with… copies. */
class HyperparametersTest {

    @Test
    void constructor_badValues_throwNamingTheField() {
        assertEquals("Hyperparameters: epochs must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class,
                        () -> new Hyperparameters(-1, 0.1, 0, 1, 0)).getMessage());
        assertEquals("Hyperparameters: learningRate must be positive and finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new Hyperparameters(1, Double.NaN, 0, 1, 0)).getMessage());
        assertEquals("Hyperparameters: momentum must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Hyperparameters(1, 0.1, 1, 1, 0)).getMessage());
        assertEquals("Hyperparameters: batchSize must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Hyperparameters(1, 0.1, 0, 0, 0)).getMessage());
    }

    @Test
    void with_changesOneFieldOnly() {
        Hyperparameters h = new Hyperparameters(10, 0.1, 0.9, 8, 7);

        assertEquals(new Hyperparameters(3, 0.1, 0.9, 8, 7), h.withEpochs(3));
        assertEquals(new Hyperparameters(10, 0.5, 0.9, 8, 7), h.withLearningRate(0.5));
        assertEquals(new Hyperparameters(10, 0.1, 0.9, 8, 9), h.withSeed(9));
    }

    @Test
    void constructor_badOptimizationValues_throwNamingTheField() {
        assertEquals("Hyperparameters: clip must be finite and >= 0 (0: no clipping), got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(1, 0.1, 0,
                        1, 0, Optimization.Algorithm.ADAM, Optimization.Schedule.NONE, 0, -1))
                        .getMessage());
        assertEquals("Hyperparameters: scheduleEpochs must be >= 0 (0: the run's epochs), got -2",
                assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(1, 0.1, 0,
                        1, 0, Optimization.Algorithm.SGD, Optimization.Schedule.STEP, -2, 0))
                        .getMessage());
    }

    @Test
    void scheduleLength_zero_isTheRunsEpochsAndAtLeastOne() {
        Hyperparameters h = new Hyperparameters(10, 0.1, 0.9, 8, 7);

        assertEquals(10, h.scheduleLength());
        assertEquals(4, h.withSchedule(Optimization.Schedule.COSINE, 4).scheduleLength());
        assertEquals(1, h.withEpochs(0).scheduleLength());
    }
}
