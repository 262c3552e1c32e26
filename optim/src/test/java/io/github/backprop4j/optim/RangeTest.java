package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void toString_eachKind_readsAsTheRule() {
        assertEquals("finite and > 0", Range.positive().toString());
        assertEquals("finite and >= 0", Range.nonNegative().toString());
        assertEquals("in [0, 1]", Range.closed(0, 1).toString());
        assertEquals("in [0, 1)", Range.closedOpen(0, 1).toString());
        assertEquals("in [0.5, 2.5]", Range.closed(0.5, 2.5).toString());
    }

    @Test
    void contains_boundsAndNonFiniteValues_followTheBrackets() {
        assertFalse(Range.positive().contains(0));
        assertTrue(Range.nonNegative().contains(0));
        assertTrue(Range.closed(0, 1).contains(1));
        assertFalse(Range.closedOpen(0, 1).contains(1));
        assertTrue(Range.closedOpen(0, 1).contains(0));
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
            assertFalse(Range.nonNegative().contains(x), "" + x);
            assertFalse(Range.closed(-1e300, 1e300).contains(x), "" + x);
        }
    }

    @Test
    void check_valueOutside_throwsNamingExpectedAndFound() {
        assertEquals(0.25, Range.closed(0, 1).check("SGD", "dampening", 0.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Range.nonNegative().check("SGD", "momentum", -0.5));
        assertEquals("SGD: momentum must be finite and >= 0, got -0.5", e.getMessage());
    }

    @Test
    void closed_boundsOutOfOrder_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Range.closed(1, 0));
        assertEquals("Range: bounds must be finite with min < max, got 1.0 and 0.0",
                e.getMessage());
    }
}
