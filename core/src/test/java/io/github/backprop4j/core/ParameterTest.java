package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void constructor_keepsValueAndMakesZeroGradOfSameShape() {
        Matrix w = Matrix.filled(3, 2, 1.5);
        Parameter p = new Parameter("linear.weight", w);
        assertSame(w, p.value());
        assertTrue(p.grad().approxEquals(Matrix.zeros(3, 2), 0));
        assertEquals("Parameter[linear.weight 3x2]", p.toString());
    }

    @Test
    void zeroGrad_afterAccumulation_clearsInPlace() {
        Parameter p = new Parameter("b", Matrix.zeros(1, 3));
        Matrix grad = p.grad();
        MatrixOps.addEquals(grad, Matrix.rowVector(1, 2, 3));
        MatrixOps.addEquals(grad, Matrix.rowVector(1, 2, 3));
        assertTrue(grad.approxEquals(Matrix.rowVector(2, 4, 6), 0));
        p.zeroGrad();
        assertSame(grad, p.grad());
        assertTrue(p.grad().approxEquals(Matrix.zeros(1, 3), 0));
    }

    @Test
    void renamed_sharesValueAndGradAndKeepsTheLayout() {
        Parameter p = new Parameter("weight", Matrix.zeros(2, 2), Parameter.Layout.TRANSPOSED);
        Parameter q = p.renamed("0.weight");
        assertEquals("0.weight", q.name());
        assertSame(p.value(), q.value());
        assertSame(p.grad(), q.grad());
        assertEquals(Parameter.Layout.TRANSPOSED, q.layout());
        assertEquals(Parameter.Layout.TRANSPOSED, q.renamed("1.0.weight").layout());
    }

    @Test
    void layout_defaultsToAsIs() {
        assertEquals(Parameter.Layout.AS_IS, new Parameter("w", Matrix.zeros(2, 3)).layout());
    }

    @Test
    void constructor_vectorLayoutOfMoreThanOneRow_throwsWithShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Parameter("bias", Matrix.zeros(2, 3), Parameter.Layout.VECTOR));
        assertEquals("Parameter: a VECTOR parameter must be a row 1xn, got 2x3 for bias",
                e.getMessage());
        assertEquals(Parameter.Layout.VECTOR,
                new Parameter("bias", Matrix.zeros(1, 3), Parameter.Layout.VECTOR).layout());
    }
}
