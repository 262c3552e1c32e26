package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void min_defaults() {
        EarlyStopping r = EarlyStopping.min("val_loss");
        assertEquals(new EarlyStopping("val_loss", EarlyStopping.Mode.MIN, 10, 0, true), r);
        assertEquals(Double.POSITIVE_INFINITY, r.start());
    }

    @Test
    void max_defaults() {
        EarlyStopping r = EarlyStopping.max("acc");
        assertEquals(new EarlyStopping("acc", EarlyStopping.Mode.MAX, 10, 0, true), r);
        assertEquals(Double.NEGATIVE_INFINITY, r.start());
    }

    @Test
    void setters_returnChangedCopies() {
        EarlyStopping r = EarlyStopping.min("loss");
        assertEquals(new EarlyStopping("loss", EarlyStopping.Mode.MIN, 3, 0.5, false),
                r.patience(3).minDelta(0.5).restoreBest(false));
        assertEquals(10, r.patience());
    }

    @Test
    void improves_min_mustBeatBestByMoreThanMinDelta() {
        EarlyStopping r = EarlyStopping.min("loss").minDelta(0.125);
        assertFalse(r.improves(0.875, 1.0));          // exactly best − minDelta: no
        assertTrue(r.improves(0.87, 1.0));
        assertFalse(r.improves(1.0, 1.0));
        assertTrue(r.improves(1e300, Double.POSITIVE_INFINITY));
        assertFalse(r.improves(Double.NaN, Double.POSITIVE_INFINITY));
        assertTrue(EarlyStopping.min("loss").improves(Math.nextDown(1.0), 1.0));
    }

    @Test
    void improves_max_mustBeatBestByMoreThanMinDelta() {
        EarlyStopping r = EarlyStopping.max("acc").minDelta(0.125);
        assertFalse(r.improves(1.125, 1.0));
        assertTrue(r.improves(1.13, 1.0));
        assertFalse(r.improves(0.5, 1.0));
        assertTrue(r.improves(-1e300, Double.NEGATIVE_INFINITY));
        assertFalse(r.improves(Double.NaN, Double.NEGATIVE_INFINITY));
        assertTrue(EarlyStopping.max("acc").improves(Math.nextUp(1.0), 1.0));
    }

    @Test
    void badSettings_throwNamingThem() {
        assertEquals("EarlyStopping: patience must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> EarlyStopping.min("loss").patience(0))
                .getMessage());
        assertEquals("EarlyStopping: minDelta must be finite and >= 0, got -0.1", assertThrows(
                IllegalArgumentException.class, () -> EarlyStopping.min("loss").minDelta(-0.1))
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.min("loss").minDelta(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.min("loss").minDelta(Double.POSITIVE_INFINITY));
        assertEquals("EarlyStopping: monitor must not be null", assertThrows(
                NullPointerException.class, () -> EarlyStopping.min(null)).getMessage());
        assertEquals(1, EarlyStopping.min("loss").patience(1).patience());
        assertEquals(0, EarlyStopping.min("loss").minDelta(0).minDelta());
    }
}
