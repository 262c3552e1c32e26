package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
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
 * parameter goes in the file and how it is stored there.
 *
 * <pre>
 *   layer at position i     name           file shape   stored as
 *   Linear(in→out)          i.weight       [out, in]    Wᵀ: PyTorch keeps the weight out×in
 *                           i.bias         [out]        b, a vector (PyTorch refuses [1, out])
 *   Sequential              i.j.weight …   (its own entries, prefixed with "i.")
 *   any other layer         i.name         [r, c]       the parameter's matrix as it is
 * </pre>
 * The names are those of {@link Sequential#parameters()}, so an optimizer's per-parameter state
 * is keyed by the same names.
 */
final class ParameterSlots {

    /** How a parameter's matrix maps to its tensor in the file. */
    private enum Layout {
        /** Rank 2, transposed: a Linear weight, (in×out) here, [out, in] in the file. */
        TRANSPOSED,
        /** Rank 1: a (1×n) bias, [n] in the file. */
        VECTOR,
        /** Rank 2, as held. */
        AS_IS
    }

    /** One entry: the live matrix, its name and layout. */
    private static final class Slot {
        final String name;
        final Matrix value;
        final Layout layout;

        Slot(String name, Matrix value, Layout layout) {
            this.name = name;
            this.value = value;
            this.layout = layout;
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

    ParameterSlots(List<Layer> layers) {
        add("", layers);
    }

    private void add(String prefix, List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String at = prefix + i + ".";
            if (layer instanceof Linear) {
                Linear linear = (Linear) layer;
                put(new Slot(at + "weight", linear.weight().value(), Layout.TRANSPOSED));
                put(new Slot(at + "bias", linear.bias().value(), Layout.VECTOR));
            } else if (layer instanceof Sequential) {
                add(at, ((Sequential) layer).layers());
            } else {
                for (Parameter p : layer.parameters()) {
                    put(new Slot(at + p.name(), p.value(), Layout.AS_IS));
                }
            }
        }
    }

    private void put(Slot slot) {
        slots.put(slot.name, slot);
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
