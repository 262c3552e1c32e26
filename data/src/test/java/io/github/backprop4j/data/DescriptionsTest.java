package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the data classes say about themselves: their accessors, their one-line summaries, and
 * OneHot's lookups and refusals.
 */
class DescriptionsTest {

    private static final OneHot SPECIES = OneHot.of("species",
            List.of("setosa", "versicolor", "virginica"));

    @Test
    void oneHot_accessorsAndSummary() {
        assertEquals("species", SPECIES.column());
        assertEquals(3, SPECIES.classCount());
        assertEquals(1, SPECIES.indexOf("versicolor"));
        assertEquals(2, SPECIES.indexOf("virginica"));
        assertEquals("OneHot(species: [setosa, versicolor, virginica])", SPECIES.toString());
    }

    @Test
    void oneHot_indexOfUnknownMissingOrNull_throwsNamingWhatItGot() {
        String known = "OneHot.indexOf: label must be one of [setosa, versicolor, virginica], got ";
        assertEquals(known + "\"rose\"", assertThrows(IllegalArgumentException.class,
                () -> SPECIES.indexOf("rose")).getMessage());
        assertEquals(known + "an empty field (missing label)", assertThrows(
                IllegalArgumentException.class, () -> SPECIES.indexOf("")).getMessage());
        assertEquals(known + "null", assertThrows(IllegalArgumentException.class,
                () -> SPECIES.indexOf(null)).getMessage());
    }

    @Test
    void oneHot_emptyOrNullClass_throwsWithItsPosition() {
        assertEquals("OneHot.of: every class must be a non-empty label, got \"\" at position 1",
                assertThrows(IllegalArgumentException.class,
                        () -> OneHot.of("c", List.of("a", ""))).getMessage());
        assertEquals("OneHot.of: every class must be a non-empty label, got null at position 0",
                assertThrows(IllegalArgumentException.class,
                        () -> OneHot.of("c", Arrays.asList(null, "a"))).getMessage());
    }

    @Test
    void batches_accessorsAndSummaries() {
        Dataset data = new Dataset(Matrix.zeros(5, 2), Matrix.zeros(5, 1));
        Batches batches = new Batches(data, 2);
        Batches dropping = new Batches(data, 2, true);

        assertEquals(2, batches.batchSize());
        assertFalse(batches.dropLast());
        assertTrue(dropping.dropLast());
        assertSame(data, batches.dataset());
        assertEquals("Batches(batchSize=2, dropLast=false, 3 batches of Dataset[5 samples,"
                + " 2 features, 1 target])", batches.toString());
        BatchIterator epoch = batches.epoch();
        assertEquals(3, epoch.batchCount());
        epoch.next();
        assertEquals("Batch[#1, features 2x2, targets 2x1]", epoch.next().toString());
        assertEquals(2, dropping.epoch().batchCount());
    }

    @Test
    void standardizer_columnsAndSummary() {
        Standardizer three = Standardizer.fit(Matrix.of(new double[][] {{1, 2, 3}, {3, 4, 5}}));
        Standardizer one = Standardizer.fit(Matrix.of(new double[][] {{1}, {3}}));

        assertEquals(3, three.columns());
        assertEquals("Standardizer(3 columns)", three.toString());
        assertEquals("Standardizer(1 column)", one.toString());
    }
}
