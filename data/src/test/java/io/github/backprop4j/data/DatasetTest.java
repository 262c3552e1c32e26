package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final double EXACT = 0.0;

    private static Dataset threeRows() {
        return new Dataset(Matrix.of(new double[][] {{1, 10}, {2, 20}, {3, 30}}),
                Matrix.columnVector(100, 200, 300));
    }

    @Test
    void constructor_rowCountsDiffer_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(Matrix.zeros(8, 3), Matrix.zeros(7, 1)));
        assertEquals("Dataset: features and targets must have the same number of rows, got 8x3"
                + " and 7x1", e.getMessage());
    }

    @Test
    void constructor_emptyMatrices_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(Matrix.zeros(0, 3), Matrix.zeros(0, 1)));
        assertEquals("Dataset: features and targets must each have at least one row and one"
                + " column, got 0x3 and 0x1", e.getMessage());
    }

    @Test
    void constructor_nanFeature_throwsNamingEntry() {
        Matrix x = Matrix.zeros(2, 2);
        x.set(1, 0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, Matrix.zeros(2, 1)));
        assertEquals("Dataset: features must be finite, got NaN at (1,0) of the 2x2 matrix",
                e.getMessage());
    }

    @Test
    void constructorAndAccessors_makeCopies() {
        Matrix x = Matrix.of(new double[][] {{1}, {2}});
        Dataset d = new Dataset(x, Matrix.columnVector(3, 4));
        x.set(0, 0, 99);
        d.features().set(1, 0, 99);
        assertArrayEquals(new double[] {1, 2}, d.features().toRowMajorArray(), EXACT);
        assertEquals(2, d.size());
        assertEquals(1, d.featureCount());
        assertEquals(1, d.targetCount());
    }

    @Test
    void subset_rowsInGivenOrder_copiesFeaturesAndTargetsTogether() {
        Dataset s = threeRows().subset(new int[] {2, 0, 2});
        assertArrayEquals(new double[] {3, 30, 1, 10, 3, 30}, s.features().toRowMajorArray(), EXACT);
        assertArrayEquals(new double[] {300, 100, 300}, s.targets().toRowMajorArray(), EXACT);
    }

    @Test
    void subset_indexOutOfRange_throwsNamingIndexAndPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> threeRows().subset(new int[] {0, 3}));
        assertEquals("Dataset.subset: row index must be in [0, 3), got 3 at position 1",
                e.getMessage());
    }

    @Test
    void subset_noRows_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> threeRows().subset(new int[0]));
        assertEquals("Dataset.subset: rows must not be empty, got 0 indices", e.getMessage());
    }

    @Test
    void toString_showsSizes() {
        assertEquals("Dataset[3 samples, 2 features, 1 target]", threeRows().toString());
    }
}
