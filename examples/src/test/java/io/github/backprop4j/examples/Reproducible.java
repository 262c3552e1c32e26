package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;

/** The lessons' promise that the same seed gives the same numbers, bit for bit: for the tests. */
final class Reproducible {

    private Reproducible() {
    }

    /**
     * Trains twice with the same hyperparameters and asserts bit-identical results: the loss of
     * every epoch, the final loss, every metric and every plotted prediction.
     *
     * @param train a lesson's {@code train}
     * @param h     the hyperparameters of both runs
     */
    static void assertSameNumbersTwice(Function<Hyperparameters, TrainingResult> train,
                                       Hyperparameters h) {
        TrainingResult first = train.apply(h);
        TrainingResult second = train.apply(h);

        assertArrayEquals(first.lossHistory(), second.lossHistory());
        assertEquals(first.finalLoss(), second.finalLoss(), 0);
        assertEquals(first.metrics(), second.metrics());
        List<TrainingResult.Curve> curves = first.curves();
        assertEquals(curves.size(), second.curves().size());
        for (int i = 0; i < curves.size(); i++) {
            assertArrayEquals(curves.get(i).predicted(), second.curves().get(i).predicted(),
                    curves.get(i).label());
        }
    }
}
