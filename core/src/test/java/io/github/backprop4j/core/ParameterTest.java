package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void renamed_sharesValueAndGrad() {
        Parameter p = new Parameter("weight", Matrix.zeros(2, 2));
        Parameter q = p.renamed("0.weight");
        assertEquals("0.weight", q.name());
        assertSame(p.value(), q.value());
        assertSame(p.grad(), q.grad());
    }
}
