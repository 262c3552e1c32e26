package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Parameter.Layout;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of a {@link Sequential}'s state dict in PyTorch's names and layout: where each
 * parameter goes in the file and how it is stored there. Each parameter says both itself: its
 * {@linkplain Parameter#name() name}, already qualified by its position
 * ({@code 0.weight}, {@code 2.1.bias}), and its {@linkplain Parameter#layout() layout}.
 *
 * <pre>
 *   layout        file shape   stored as                          for example
 *   TRANSPOSED    [c, r]       the transpose of the (r×c) value   Linear's weight, [out, in]
 *   VECTOR        [c]          the (1×c) value as a vector        Linear's bias, [out]
 *   AS_IS         [r, c]       the value as it is held            any other parameter
 * </pre>
 * The names are those of {@link Sequential#parameters()}, so an optimizer's per-parameter state
 * is keyed by the same names.
 */
final class ParameterSlots {

    /** One entry: the live matrix, its name and layout. */
    private static final class Slot {
        final String name;
        final Matrix value;
        final Layout layout;

        Slot(Parameter p) {
            this.name = p.name();
            this.value = p.value();
            this.layout = p.layout();
        }

        int[] fileShape() {
            switch (layout) {
                case TRANSPOSED:
                    return new int[] {value.cols(), value.rows()};
                case VECTOR:
                    return new int[] {value.cols()};
                default:
                    return new int[] {value.rows(), value.cols()};
            }
        }

        /** A copy of {@code m} (shaped like the value) as a tensor in file layout. */
        Tensor toTensor(Matrix m) {
            switch (layout) {
                case TRANSPOSED:
                    return Tensor.of(m.transpose());
                case VECTOR:
                    return Tensor.vector(m.copy());
                default:
                    return Tensor.of(m.copy());
            }
        }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();

    ParameterSlots(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            slots.put(p.name(), new Slot(p));
        }
    }

    /** The state dict: a copy of every parameter in file layout, with {@code format = pt}. */
    StateDict stateDict() {
        StateDict.Builder b = StateDict.builder();
        for (Slot s : slots.values()) {
            b.put(s.name, s.toTensor(s.value));
        }
        return b.metadata("format", "pt").build();
    }

    /** Missing names and wrong shapes in slot order, then unexpected names; empty if it fits. */
    List<String> check(StateDict file) {
        List<String> problems = new ArrayList<>();
        for (Slot s : slots.values()) {
            String expected = Arrays.toString(s.fileShape());
            if (!file.contains(s.name)) {
                problems.add("missing \"" + s.name + "\" (shape " + expected + ")");
            } else if (!Arrays.equals(s.fileShape(), file.get(s.name).shape())) {
                problems.add("\"" + s.name + "\" must have shape " + expected + hint(s)
                        + ", got " + file.get(s.name).shapeString());
            }
        }
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            if (!slots.containsKey(e.getKey())) {
                problems.add("unexpected \"" + e.getKey() + "\" (shape "
                        + e.getValue().shapeString() + ")");
            }
        }
        return problems;
    }

    private static String hint(Slot s) {
        return s.layout == Layout.TRANSPOSED ? " (out×in)" : "";
    }

    /**
     * Checks the whole file, then copies every tensor into its parameter. The values are taken
     * from the file first and written second, so that even a file whose tensors share the
     * model's own matrices loads as it reads.
     */
    void load(String op, StateDict file) {
        List<String> problems = check(file);
        if (!problems.isEmpty()) {
            throw new StateDictException(op + ": state dict must match the model's parameters",
                    problems);
        }
        List<Matrix> incoming = new ArrayList<>(slots.size());
        for (Slot s : slots.values()) {
            Matrix m = file.get(s.name).matrix();
            incoming.add(s.layout == Layout.TRANSPOSED ? m.transpose() : m.copy());   // W = tensorᵀ
        }
        int k = 0;
        for (Slot s : slots.values()) {
            MatrixOps.copy(incoming.get(k++), s.value);   // same shape: checked above
        }
    }

    /** A matrix shaped like the named parameter, as a tensor in that parameter's layout. */
    Tensor toFileLayout(String name, Matrix m) {
        Slot s = slots.get(name);
        return s == null ? Tensor.of(m.copy()) : s.toTensor(m);
    }

    /** The inverse of {@link #toFileLayout}; shapes are left for the receiver to check. */
    Matrix fromFileLayout(String name, Tensor t) {
        Slot s = slots.get(name);
        if (s != null && s.layout == Layout.TRANSPOSED && t.rank() == 2) {
            return t.matrix().transpose();
        }
        return t.matrix();
    }
}
