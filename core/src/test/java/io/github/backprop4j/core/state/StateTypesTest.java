package io.github.backprop4j.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small parts of the state package: element sizes, a state dict's lookups and its
 * description, the Unicode check on names, tensors of every rank built as a reader builds them,
 * the error that lists a state dict's problems, and the defaults of {@link Stateful}.
 */
class StateTypesTest {

    @Test
    void byteSize_isEightForF64AndFourForF32() {
        assertEquals(8, DType.F64.byteSize());
        assertEquals(4, DType.F32.byteSize());
    }

    @Test
    void lookups_twoTensors_answerForWhatIsThereAndOnlyThat() {
        Tensor w = Tensor.of(Matrix.zeros(2, 3));
        StateDict dict = StateDict.builder().put("w", w).put("b", Matrix.zeros(1, 3)).build();

        assertTrue(dict.contains("w"));
        assertFalse(dict.contains("x"));
        assertEquals(2, dict.size());
        assertEquals(List.of("w", "b"), List.copyOf(dict.tensors().keySet()));
        assertSame(w, dict.tensors().get("w"));
    }

    @Test
    void toString_namesTensorsAndMetadataOnlyWhenThereIsSome() {
        StateDict plain = StateDict.builder().put("w", Matrix.zeros(2, 3)).build();
        StateDict tagged = StateDict.builder().put("v", Tensor.vector(Matrix.zeros(1, 4)))
                .metadata("format", "pt").build();

        assertEquals("StateDict{w=Tensor[F64 [2, 3]]}", plain.toString());
        assertEquals("StateDict{v=Tensor[F64 [4]]}; metadata {format=pt}", tagged.toString());
    }

    @Test
    void firstUnpairedSurrogate_eachPlacement_isItsIndexOrMinusOne() {
        assertEquals(-1, StateDict.firstUnpairedSurrogate("plain"));
        assertEquals(-1, StateDict.firstUnpairedSurrogate("a\ud83d\ude00b"));   // a pair: 😀
        assertEquals(1, StateDict.firstUnpairedSurrogate("a\ud83d"));            // high at the end
        assertEquals(1, StateDict.firstUnpairedSurrogate("a\ud83db"));           // high, then no low
        assertEquals(0, StateDict.firstUnpairedSurrogate("\ude00a"));            // a lone low
        assertEquals(2, StateDict.firstUnpairedSurrogate("\ud83d\ude00\ude00")); // low after a pair
    }

    @Test
    void put_nameWithUnpairedSurrogate_throwsWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDict.builder().put("w\ude00", Matrix.zeros(1, 1)));

        assertEquals("StateDict.Builder.put: name must be valid Unicode (it is written as UTF-8),"
                + " got an unpaired surrogate at index 1", e.getMessage());
    }

    @Test
    void metadata_keyWithUnpairedSurrogate_throwsWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDict.builder().metadata("\ud800", "v"));

        assertEquals("StateDict.Builder.metadata: key must be valid Unicode (it is written as"
                + " UTF-8), got an unpaired surrogate at index 0", e.getMessage());
    }

    @Test
    void of_eachRankAsAReaderBuildsIt_keepsDtypeShapeAndMatrix() {
        Matrix scalar = Matrix.zeros(1, 1);
        Matrix vector = Matrix.zeros(1, 5);
        Matrix matrix = Matrix.zeros(3, 2);

        Tensor s = Tensor.of(DType.F32, new int[0], scalar);
        Tensor v = Tensor.of(DType.F64, new int[] {5}, vector);
        Tensor m = Tensor.of(DType.F32, new int[] {3, 2}, matrix);

        assertEquals(DType.F32, s.dtype());
        assertSame(scalar, s.matrix());
        assertArrayEquals(new int[] {1, 1}, s.matrixShape());
        assertSame(vector, v.matrix());
        assertArrayEquals(new int[] {1, 5}, v.matrixShape());
        assertArrayEquals(new int[] {5}, v.shape());
        assertSame(matrix, m.matrix());
        assertArrayEquals(new int[] {3, 2}, m.matrixShape());
    }

    @Test
    void of_matrixOfAnotherShape_throwsWithBoth() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(DType.F64, new int[] {3, 2}, Matrix.zeros(2, 2)));
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(DType.F64, new int[] {3, 2}, Matrix.zeros(3, 3)));

        assertEquals("Tensor.of: a tensor of shape [3, 2] must hold a 3x2 matrix, got 2x2",
                rows.getMessage());
        assertEquals("Tensor.of: a tensor of shape [3, 2] must hold a 3x2 matrix, got 3x3",
                cols.getMessage());
    }

    @Test
    void matrixShapeOf_eachRank_isRowsAndColumns() {
        assertArrayEquals(new int[] {1, 1}, Tensor.matrixShapeOf(new int[0]));
        assertArrayEquals(new int[] {1, 7}, Tensor.matrixShapeOf(new int[] {7}));
        assertArrayEquals(new int[] {4, 7}, Tensor.matrixShapeOf(new int[] {4, 7}));
    }

    @Test
    void stateDictException_oneAndTwoProblems_countsAndListsThem() {
        StateDictException one = new StateDictException("M.load: must match", List.of("a missing"));
        StateDictException two = new StateDictException("M.load: must match",
                List.of("a missing", "b unexpected"));

        assertEquals("M.load: must match, got 1 problem: a missing", one.getMessage());
        assertEquals("M.load: must match, got 2 problems: a missing; b unexpected", two.getMessage());
        assertEquals(List.of("a missing", "b unexpected"), two.problems());
    }

    @Test
    void stateDictException_noProblems_throwsNamingTheOperation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StateDictException("M.load", List.of()));

        assertEquals("StateDictException: problems must not be empty, got none for M.load",
                e.getMessage());
    }

    @Test
    void statefulDefaults_storeACopyAsItIsAndReadTheMatrixBack() {
        Stateful object = new Stateful() {
            @Override
            public StateDict stateDict() {
                return StateDict.builder().build();
            }

            @Override
            public List<String> checkStateDict(StateDict stateDict) {
                return List.of();
            }

            @Override
            public void loadStateDict(StateDict stateDict) {
            }
        };
        Matrix value = Matrix.of(new double[][] {{1, 2}, {3, 4}});

        Tensor stored = object.toFileLayout("w", value);
        value.set(0, 0, 9);

        assertArrayEquals(new int[] {2, 2}, stored.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, stored.matrix().toRowMajorArray());
        assertSame(stored.matrix(), object.fromFileLayout("w", stored));
        assertEquals(Map.of(), object.stateDict().metadata());
    }
}
