package io.github.backprop4j.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDictTest {

    @Test
    void factories_eachRank_haveTheirShapeAndMatrix() {
        Matrix w = Matrix.zeros(2, 3);
        Matrix b = Matrix.rowVector(1, 2);

        Tensor weight = Tensor.of(w);
        Tensor bias = Tensor.vector(b);
        Tensor scalar = Tensor.scalar(7.5);

        assertArrayEquals(new int[] {2, 3}, weight.shape());
        assertSame(w, weight.matrix());
        assertArrayEquals(new int[] {2}, bias.shape());
        assertEquals(1, bias.rank());
        assertArrayEquals(new int[0], scalar.shape());
        assertEquals(7.5, scalar.matrix().get(0, 0));
        assertEquals("Tensor[F64 [2]]", bias.toString());
    }

    @Test
    void vector_matrixWithTwoRows_throwsWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.vector(Matrix.zeros(2, 3)));

        assertEquals("Tensor.vector: row must be a row vector 1xn, got 2x3", e.getMessage());
    }

    @Test
    void withDType_changesOnlyTheDtypeAndSharesTheMatrix() {
        Tensor f64 = Tensor.vector(Matrix.rowVector(1, 2));

        Tensor f32 = f64.withDType(DType.F32);

        assertEquals(DType.F64, f64.dtype());
        assertEquals(DType.F32, f32.dtype());
        assertSame(f64.matrix(), f32.matrix());
        assertArrayEquals(f64.shape(), f32.shape());
    }

    @Test
    void builder_keepsInsertionOrderOfTensorsAndMetadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("z", "1");
        meta.put("a", "2");

        StateDict file = StateDict.builder()
                .put("2.weight", Matrix.zeros(1, 1))
                .put("10.weight", Matrix.zeros(1, 1))
                .put("1.weight", Matrix.zeros(1, 1))
                .metadata(meta)
                .build();

        assertEquals(List.of("2.weight", "10.weight", "1.weight"), file.names());
        assertEquals(List.of("z", "a"), List.copyOf(file.metadata().keySet()));
    }

    @Test
    void put_duplicateName_throwsNamingIt() {
        StateDict.Builder builder = StateDict.builder().put("w", Matrix.zeros(1, 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.put("w", Matrix.zeros(1, 1)));

        assertEquals("StateDict.Builder.put: name must be unique, got 'w' twice", e.getMessage());
    }

    @Test
    void put_reservedMetadataName_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDict.builder().put("__metadata__", Matrix.zeros(1, 1)));

        assertEquals("StateDict.Builder.put: name must not be the reserved key __metadata__;"
                + " use metadata(key, value)", e.getMessage());
    }

    @Test
    void metadata_unpairedSurrogate_throwsBecauseUtf8CannotHoldIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDict.builder().metadata("k", "ok\ud800"));

        assertEquals("StateDict.Builder.metadata: value must be valid Unicode (it is written as"
                + " UTF-8), got an unpaired surrogate at index 2", e.getMessage());
    }

    @Test
    void get_missingName_throwsListingTheNamesPresent() {
        StateDict file = StateDict.builder().put("a", Matrix.zeros(1, 1))
                .put("b", Matrix.zeros(1, 1)).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> file.get("c"));

        assertEquals("StateDict.get: name must be one of [a, b], got 'c'", e.getMessage());
    }

    @Test
    void withDType_convertsEveryTensorAndKeepsMetadata() {
        StateDict file = StateDict.builder().put("a", Matrix.zeros(1, 1))
                .put("b", Tensor.scalar(1)).metadata("format", "pt").build();

        StateDict f32 = file.withDType(DType.F32);

        assertEquals(DType.F32, f32.get("a").dtype());
        assertEquals(DType.F32, f32.get("b").dtype());
        assertEquals(DType.F64, file.get("a").dtype());
        assertEquals(Map.of("format", "pt"), f32.metadata());
    }
}
