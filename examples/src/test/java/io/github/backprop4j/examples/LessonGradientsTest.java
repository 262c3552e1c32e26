package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.GradientCheck;
import io.github.backprop4j.layers.HuberLoss;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default gradient check passes on every lesson's network, at its initial weights, with
 * the lesson's loss, on a batch of inputs of the lesson's width.
 */
class LessonGradientsTest {

    private static final int ROWS = 32;

    static Stream<Arguments> lessons() {
        return Stream.of(
                Arguments.of(Example01_FitALine.LESSON, new MSELoss()),
                Arguments.of(Example02_FitASine.LESSON, new MSELoss()),
                Arguments.of(Example03_FitASurface.LESSON, new MSELoss()),
                Arguments.of(Example04_SeveralOutputs.LESSON, new MSELoss()),
                Arguments.of(Example05_Diabetes.LESSON, new MSELoss()),
                Arguments.of(Example06_IrisClassifier.LESSON, new CrossEntropyLoss()),
                Arguments.of(Example07_Xor.LESSON, new CrossEntropyLoss()),
                Arguments.of(Example08_Spiral.LESSON, new CrossEntropyLoss()),
                Arguments.of(Example09_Outliers.LESSON, new HuberLoss()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void defaultCheck_lessonNetworkWithItsLoss_passes(Lesson lesson, Loss loss) {
        SplittableRandom rng = new SplittableRandom(7);
        Sequential model = lesson.model(rng);
        int inputs = lesson.inputs().size();
        int outputs = model.outputWidth(inputs);
        Matrix x = Matrix.uniform(ROWS, inputs, -2, 2, rng);
        Matrix target = Matrix.zeros(ROWS, outputs);
        for (int i = 0; i < ROWS; i++) {
            if (loss instanceof CrossEntropyLoss) {
                target.set(i, rng.nextInt(outputs), 1);        // one-hot classes
            } else {
                for (int j = 0; j < outputs; j++) {
                    target.set(i, j, rng.nextDouble(-1, 1));
                }
            }
        }

        GradientCheck.Report withLoss = new GradientCheck().check(model, loss, x, target);
        GradientCheck.Report projected = new GradientCheck().check(model, x, rng);

        assertFalse(withLoss.crossedKink(), withLoss::toString);
        assertTrue(withLoss.passed(), withLoss::toString);
        assertFalse(projected.crossedKink(), projected::toString);
        assertTrue(projected.passed(), projected::toString);
    }
}
