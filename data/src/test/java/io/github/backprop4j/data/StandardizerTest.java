package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final double TOLERANCE = 1e-12;
    private static final double ROUND_TRIP_TOLERANCE = 1e-12;

    /** Column 0: 1, 2, 3, 4 (mean 2.5, population std √1.25). Column 1: 10, 10, 30, 30 (20, 10). */
    private static final Matrix TRAIN = Matrix.of(new double[][] {
        {1, 10}, {2, 10}, {3, 30}, {4, 30}});

    @Test
    void fit_handExample_populationMeanAndStd() {
        Standardizer s = Standardizer.fit(TRAIN);
        // column 0: deviations −1.5, −0.5, 0.5, 1.5 → Σ² = 5 → 5/4 = 1.25 (population, not /3)
        assertArrayEquals(new double[] {2.5, 20}, s.mean().toRowMajorArray(), TOLERANCE);
        assertArrayEquals(new double[] {Math.sqrt(1.25), 10}, s.std().toRowMajorArray(),
                TOLERANCE);
    }

    @Test
    void transform_trainingData_zeroMeanUnitPopulationVariance() {
        Matrix z = Standardizer.fit(TRAIN).transform(TRAIN);
        double root = Math.sqrt(1.25);
        assertArrayEquals(new double[] {-1.5 / root, -1, -0.5 / root, -1, 0.5 / root, 1,
            1.5 / root, 1}, z.toRowMajorArray(), TOLERANCE);
    }

    @Test
    void transform_otherData_usesTrainingStatistics() {
        Standardizer s = Standardizer.fit(TRAIN);
        Matrix test = Matrix.of(new double[][] {{2.5, 0}, {5, 40}});
        // (2.5 − 2.5)/√1.25 = 0, (0 − 20)/10 = −2; (5 − 2.5)/√1.25, (40 − 20)/10 = 2
        assertArrayEquals(new double[] {0, -2, 2.5 / Math.sqrt(1.25), 2},
                s.transform(test).toRowMajorArray(), TOLERANCE);
    }

    @Test
    void inverseTransform_afterTransform_roundTrips() {
        SplittableRandom rng = new SplittableRandom(11);
        Matrix train = Matrix.normal(50, 3, 100, 25, rng);
        Matrix other = Matrix.normal(20, 3, 90, 30, rng);
        Standardizer s = Standardizer.fit(train);
        Matrix back = s.inverseTransform(s.transform(other));
        assertTrue(back.approxEquals(other, ROUND_TRIP_TOLERANCE),
                "max difference " + back.maxAbsDifference(other));
    }

    @Test
    void transform_intoBuffer_inPlaceMatchesAllocating() {
        Standardizer s = Standardizer.fit(TRAIN);
        Matrix expected = s.transform(TRAIN);
        Matrix buffer = TRAIN.copy();
        s.transform(buffer, buffer);
        assertEquals(0, expected.maxAbsDifference(buffer), TOLERANCE);
        Matrix out = Matrix.zeros(4, 2);
        double[] storage = out.unwrap().data;
        s.inverseTransform(expected, out);
        assertSame(storage, out.unwrap().data);
        assertEquals(0, TRAIN.maxAbsDifference(out), TOLERANCE);
    }

    @Test
    void fit_constantColumn_stdZeroAndTransformsToExactZeros() {
        Matrix x = Matrix.of(new double[][] {{0.1, 1}, {0.1, 2}, {0.1, 3}});
        Standardizer s = Standardizer.fit(x);
        assertEquals(0.0, s.std().get(0, 0), 0.0);
        assertEquals(0.1, s.mean().get(0, 0), 0.0);
        Matrix z = s.transform(x);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, z.get(i, 0), 0.0);
        }
        // divided by 1, not by 0: a new value 0.6 lands at 0.5
        assertEquals(0.5, s.transform(Matrix.of(new double[][] {{0.6, 2}})).get(0, 0), TOLERANCE);
    }

    @Test
    void transform_wrongColumnCount_throwsWithShape() {
        Standardizer s = Standardizer.fit(TRAIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.transform(Matrix.zeros(8, 3)));
        assertEquals("Standardizer.transform: data must have 2 columns (the columns it was fitted"
                + " on), got 8x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.inverseTransform(Matrix.zeros(8, 1)));
        assertEquals("Standardizer.inverseTransform: data must have 2 columns (the columns it was"
                + " fitted on), got 8x1", e.getMessage());
    }

    @Test
    void fit_emptyOrNonFinite_throws() {
        assertEquals("Standardizer.fit: data must have at least one row and one column, got 0x2",
                assertThrows(IllegalArgumentException.class,
                        () -> Standardizer.fit(Matrix.zeros(0, 2))).getMessage());
        Matrix x = Matrix.zeros(2, 2);
        x.set(1, 1, Double.POSITIVE_INFINITY);
        assertEquals("Standardizer.fit: data must be finite, got Infinity at (1,1) of the 2x2"
                + " matrix", assertThrows(IllegalArgumentException.class,
                        () -> Standardizer.fit(x)).getMessage());
    }
}
