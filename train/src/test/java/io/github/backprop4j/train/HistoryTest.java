package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EpochResult} and {@link TrainingHistory}. */
class HistoryTest {

    private static EpochResult epoch(int e, double loss, double val) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("loss", loss);
        v.put("val_loss", val);
        return new EpochResult(e, 5L * e, 0.1, v);
    }

    @Test
    void epochResult_valuesByName() {
        EpochResult e = epoch(2, 0.5, 0.75);
        assertEquals(0.5, e.loss(), 0);
        assertEquals(0.75, e.validationLoss(), 0);
        assertEquals(0.75, e.value("val_loss"), 0);
        assertEquals("EpochResult.value: name must be one of [loss, val_loss], got \"rmse\"",
                assertThrows(IllegalArgumentException.class, () -> e.value("rmse")).getMessage());
        assertTrue(Double.isNaN(new EpochResult(1, 1, 0.1, Map.of("loss", 1.0)).validationLoss()));
    }

    @Test
    void epochResult_copiesItsValues() {
        Map<String, Double> v = new LinkedHashMap<>(Map.of("loss", 1.0));
        EpochResult e = new EpochResult(1, 1, 0.1, v);
        v.put("loss", 2.0);
        assertEquals(1.0, e.loss(), 0);
        assertThrows(UnsupportedOperationException.class, () -> e.values().put("x", 1.0));
    }

    @Test
    void epochResult_badInput_throws() {
        assertEquals("EpochResult: epoch must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> new EpochResult(0, 0, 0.1,
                        Map.of("loss", 1.0))).getMessage());
        assertEquals("EpochResult: values must hold \"loss\", got [val_loss]", assertThrows(
                IllegalArgumentException.class, () -> new EpochResult(1, 0, 0.1,
                        Map.of("val_loss", 1.0))).getMessage());
    }

    @Test
    void history_bestLastAndCurves() {
        TrainingHistory h = new TrainingHistory(List.of(epoch(1, 3, 4), epoch(2, 2, 1),
                epoch(3, 1, 2)), "val_loss", 2, true, StopReason.COMPLETED);
        assertEquals(2, h.best().epoch());
        assertEquals(3, h.last().epoch());
        assertArrayEquals(new double[] {3, 2, 1}, h.values("loss"), 0);
        assertArrayEquals(new double[] {4, 1, 2}, h.values("val_loss"), 0);
    }

    @Test
    void history_badInput_throws() {
        assertEquals("TrainingHistory: epochs must not be empty", assertThrows(
                IllegalArgumentException.class, () -> new TrainingHistory(List.of(), "loss", 1,
                        false, StopReason.COMPLETED)).getMessage());
        List<EpochResult> two = List.of(epoch(1, 3, 4), epoch(2, 2, 1));
        assertEquals("TrainingHistory: bestEpoch must be in [1, 2], got 3", assertThrows(
                IllegalArgumentException.class, () -> new TrainingHistory(two, "loss", 3,
                        false, StopReason.COMPLETED)).getMessage());
        assertEquals("TrainingHistory: bestEpoch must be in [1, 2], got 0", assertThrows(
                IllegalArgumentException.class, () -> new TrainingHistory(two, "loss", 0,
                        false, StopReason.COMPLETED)).getMessage());
    }
}
