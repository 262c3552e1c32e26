package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapesTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void checkShape_wrongShape_namesExpectedAndActual() {
        assertEquals("Op.run: out must be 4x2, got 2x4",
                message(() -> Shapes.checkShape("Op.run", "out", Matrix.zeros(2, 4), 4, 2)));
        assertDoesNotThrow(() -> Shapes.checkShape("Op.run", "out", Matrix.zeros(4, 2), 4, 2));
    }

    @Test
    void checkCols_wrongWidth_namesHintAndShape() {
        assertEquals("Linear.forward: input must have 4 columns (inFeatures), got 8x3",
                message(() -> Shapes.checkCols("Linear.forward", "input", Matrix.zeros(8, 3), 4, "inFeatures")));
        assertEquals("Op.run: x must have 4 columns, got 8x3",
                message(() -> Shapes.checkCols("Op.run", "x", Matrix.zeros(8, 3), 4, "")));
    }

    @Test
    void checkVectors_wrongShape_namesExpectedVector() {
        assertEquals("Op.run: b must be a row vector 1x3, got 3x1",
                message(() -> Shapes.checkRowVector("Op.run", "b", Matrix.zeros(3, 1), 3)));
        assertEquals("Op.run: t must be a column vector 3x1, got 1x3",
                message(() -> Shapes.checkColumnVector("Op.run", "t", Matrix.zeros(1, 3), 3)));
    }

    @Test
    void checkSameShape_differentShapes_namesBoth() {
        assertEquals("MSELoss.forward: prediction and target must have the same shape, got 8x1 and 1x8",
                message(() -> Shapes.checkSameShape("MSELoss.forward", "prediction", Matrix.zeros(8, 1),
                        "target", Matrix.zeros(1, 8))));
    }

    @Test
    void checkColumnVector_rightHeightButTwoColumns_namesTheExpectedVector() {
        assertEquals("Op.run: t must be a column vector 3x1, got 3x2",
                message(() -> Shapes.checkColumnVector("Op.run", "t", Matrix.zeros(3, 2), 3)));
        Shapes.checkColumnVector("Op.run", "t", Matrix.zeros(3, 1), 3);
    }
}
