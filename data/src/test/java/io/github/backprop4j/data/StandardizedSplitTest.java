package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

class StandardizedSplitTest {

    private static final double TOLERANCE = 1e-12;

    // features: column 0 has mean 2 and population std 1 on the training rows, column 1 mean 20
    // and std 10; targets: mean 15 and std 5
    private static Split split() {
        Dataset train = new Dataset(Matrix.of(new double[][] {{1, 10}, {3, 30}}),
                Matrix.of(new double[][] {{10}, {20}}));
        Dataset test = new Dataset(Matrix.of(new double[][] {{5, 0}}),
                Matrix.of(new double[][] {{30}}));
        return new Split(train, test);
    }

    private static void assertMatrix(double[][] expected, Matrix actual) {
        assertEquals(expected.length, actual.rows(), "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual.cols(), "columns");
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), TOLERANCE, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void standardized_featuresFromTrainingStatistics_targetsUnchanged() {
        StandardizedSplit s = split().standardized();
        assertMatrix(new double[][] {{-1, -1}, {1, 1}}, s.train().features());
        assertMatrix(new double[][] {{3, -2}}, s.test().features());   // (5−2)/1, (0−20)/10
        assertMatrix(new double[][] {{10}, {20}}, s.train().targets());
        assertMatrix(new double[][] {{30}}, s.test().targets());
        assertMatrix(new double[][] {{2, 20}}, s.featureStandardizer().mean());
        assertMatrix(new double[][] {{1, 10}}, s.featureStandardizer().std());
        assertFalse(s.targetsStandardized());
        assertSame(s.split().train(), s.train());
        assertSame(s.split().test(), s.test());
        assertEquals("StandardizedSplit[train 2, test 1, features]", s.toString());
    }

    @Test
    void standardized_targetStandardizerAsked_throwsPointingToTheOtherCall() {
        StandardizedSplit s = split().standardized();
        assertEquals("StandardizedSplit.targetStandardizer: the targets were left"
                + " unstandardised; use Split.standardizedWithTargets() to standardise them too",
                assertThrows(IllegalStateException.class, s::targetStandardizer).getMessage());
    }

    @Test
    void standardizedWithTargets_bothFromTrainingStatistics() {
        StandardizedSplit s = split().standardizedWithTargets();
        assertMatrix(new double[][] {{-1, -1}, {1, 1}}, s.train().features());
        assertMatrix(new double[][] {{3, -2}}, s.test().features());
        assertMatrix(new double[][] {{-1}, {1}}, s.train().targets());
        assertMatrix(new double[][] {{3}}, s.test().targets());          // (30−15)/5
        assertTrue(s.targetsStandardized());
        assertMatrix(new double[][] {{15}}, s.targetStandardizer().mean());
        assertMatrix(new double[][] {{5}}, s.targetStandardizer().std());
        assertMatrix(new double[][] {{25}}, s.targetStandardizer().inverseTransform(
                Matrix.of(new double[][] {{2}})));
        assertEquals("StandardizedSplit[train 2, test 1, features and targets]", s.toString());
    }

    @Test
    void standardized_leavesTheOriginalSplitAsItWas() {
        Split original = split();
        original.standardizedWithTargets();
        assertMatrix(new double[][] {{1, 10}, {3, 30}}, original.train().features());
        assertMatrix(new double[][] {{30}}, original.test().targets());
    }

    @Test
    void constructor_nulls_throwNamingTheArgument() {
        Standardizer xs = Standardizer.fit(Matrix.of(new double[][] {{1}}));
        assertEquals("StandardizedSplit: split must not be null", assertThrows(
                NullPointerException.class, () -> new StandardizedSplit(null, xs, null))
                .getMessage());
        assertEquals("StandardizedSplit: featureStandardizer must not be null", assertThrows(
                NullPointerException.class, () -> new StandardizedSplit(split(), null, xs))
                .getMessage());
    }
}
