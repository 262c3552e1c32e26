package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.core.MatrixOps;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KernelsUnderTestTest {

    private static final double EXACT = 0.0;

    @Test
    void all_blasOnClassPath_isEjmlThenOpenBlas() {
        List<String> names = KernelsUnderTest.all().stream()
                .map(MatrixKernels::name)
                .collect(Collectors.toList());
        assertEquals(List.of("ejml", "openblas"), names);
    }

    @ParameterizedTest
    @MethodSource("io.github.backprop4j.blas.KernelsUnderTest#all")
    void using_eachKernels_runsMatrixOpsOnThemAndRestores(MatrixKernels kernels) {
        MatrixKernels before = Kernels.current();
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix w = Matrix.of(new double[][] {{5, 6}, {7, 8}});
        Matrix y = Matrix.zeros(2, 2);
        KernelsUnderTest.using(kernels, () -> {
            assertSame(kernels, Kernels.current());
            MatrixOps.mult(x, w, y);
        });
        assertTrue(y.approxEquals(Matrix.of(new double[][] {{19, 22}, {43, 50}}), EXACT),
                y.toString());
        assertSame(before, Kernels.current());
    }
}
