package io.github.backprop4j.core.state;

import io.github.backprop4j.core.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one safetensors file holds: named {@link Tensor}s in order, and a map of string
 * metadata (the header's {@code __metadata__}).
 *
 * <p>Order is part of the content. A file that was read lists its tensors in the order of its
 * header; a file that is written lays out header entries and data in the order the tensors were
 * {@linkplain Builder#put(String, Tensor) put}, and its metadata in the order it was added, so
 * the same content always gives the same bytes. Build one like this:
 * <pre>{@code
 * StateDict file = StateDict.builder()
 *         .put("0.weight", Tensor.of(weight))          // shape [out, in]
 *         .put("0.bias", Tensor.vector(bias))          // shape [out]
 *         .metadata("format", "pt")
 *         .build();
 * SafetensorsWriter.write(file, Path.of("model.safetensors"));
 * }</pre>
 *
 * <p>A {@code StateDict} cannot be changed after it is built; the matrices inside its tensors
 * can, since they are held, not copied.
 */
public final class StateDict {

    /** The header key reserved for metadata; no tensor may have this name. */
    public static final String METADATA_KEY = "__metadata__";

    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    private StateDict(Map<String, Tensor> tensors, Map<String, String> metadata) {
        this.tensors = Collections.unmodifiableMap(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /**
     * Starts an empty file.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tensors by name, in file order.
     *
     * @return an unmodifiable map that iterates in file order
     */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /**
     * The tensor names, in file order.
     *
     * @return a new list
     */
    public List<String> names() {
        return new ArrayList<>(tensors.keySet());
    }

    /**
     * Whether a tensor of this name is in the file.
     *
     * @param name the tensor name
     * @return {@code true} if present
     */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /**
     * The tensor of this name.
     *
     * @param name the tensor name, for example {@code "0.weight"}
     * @return the tensor
     * @throws IllegalArgumentException naming the missing tensor and the names present
     */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("StateDict.get: name must be one of "
                    + tensors.keySet() + ", got '" + name + "'");
        }
        return t;
    }

    /**
     * The number of tensors.
     *
     * @return the number of tensors
     */
    public int size() {
        return tensors.size();
    }

    /**
     * The header's {@code __metadata__}: string keys to string values, in file order.
     *
     * @return an unmodifiable map, empty when the file has none
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The same file with every tensor to be stored as {@code dtype}; the matrices are shared.
     *
     * @param dtype the dtype to write, for example {@link DType#F32}
     * @return a new file
     */
    public StateDict withDType(DType dtype) {
        Objects.requireNonNull(dtype, "StateDict.withDType: dtype must not be null");
        Map<String, Tensor> converted = new LinkedHashMap<>();
        tensors.forEach((name, t) -> converted.put(name, t.withDType(dtype)));
        return new StateDict(converted, new LinkedHashMap<>(metadata));
    }

    /** {@code StateDict[0.weight=Tensor[F64 [8, 3]], ...; metadata {format=pt}]}. */
    @Override
    public String toString() {
        return "StateDict" + tensors + (metadata.isEmpty() ? "" : "; metadata " + metadata);
    }

    /**
     * Checks that a name or metadata string can be written as UTF-8: no unpaired surrogate.
     *
     * @param s the text
     * @return the index of the first unpaired surrogate, or -1 if there is none
     */
    public static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Collects tensors and metadata in order. Each method returns this builder.
     */
    public static final class Builder {

        private final Map<String, Tensor> tensors = new LinkedHashMap<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a tensor after those already added.
         *
         * @param name   its name, unique in the file; not {@value StateDict#METADATA_KEY}
         * @param tensor the tensor
         * @return this builder
         * @throws IllegalArgumentException if the name is taken, reserved or not valid Unicode
         */
        public Builder put(String name, Tensor tensor) {
            Objects.requireNonNull(name, "StateDict.Builder.put: name must not be null");
            Objects.requireNonNull(tensor, "StateDict.Builder.put: tensor must not be null");
            checkText("put", "name", name);
            if (METADATA_KEY.equals(name)) {
                throw new IllegalArgumentException("StateDict.Builder.put: name must not be the"
                        + " reserved key " + METADATA_KEY + "; use metadata(key, value)");
            }
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("StateDict.Builder.put: name must be unique,"
                        + " got '" + name + "' twice");
            }
            tensors.put(name, tensor);
            return this;
        }

        /**
         * Adds a rank-2 tensor: {@code put(name, Tensor.of(matrix))}.
         *
         * @param name   its name
         * @param matrix the values, held, not copied
         * @return this builder
         */
        public Builder put(String name, Matrix matrix) {
            return put(name, Tensor.of(matrix));
        }

        /**
         * Adds a metadata entry, or replaces the value of an existing key in place.
         *
         * @param key   the key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if either is not valid Unicode
         */
        public Builder metadata(String key, String value) {
            Objects.requireNonNull(key, "StateDict.Builder.metadata: key must not be null");
            Objects.requireNonNull(value, "StateDict.Builder.metadata: value must not be null");
            checkText("metadata", "key", key);
            checkText("metadata", "value", value);
            metadata.put(key, value);
            return this;
        }

        /**
         * Adds every entry of {@code entries}, in its iteration order.
         *
         * @param entries the metadata to add
         * @return this builder
         */
        public Builder metadata(Map<String, String> entries) {
            Objects.requireNonNull(entries, "StateDict.Builder.metadata: entries must not be null");
            entries.forEach(this::metadata);
            return this;
        }

        /**
         * Makes the file.
         *
         * @return a new file with the tensors and metadata added so far
         */
        public StateDict build() {
            return new StateDict(new LinkedHashMap<>(tensors), new LinkedHashMap<>(metadata));
        }

        private static void checkText(String method, String what, String s) {
            int bad = firstUnpairedSurrogate(s);
            if (bad >= 0) {
                throw new IllegalArgumentException("StateDict.Builder." + method + ": " + what
                        + " must be valid Unicode (it is written as UTF-8), got an unpaired"
                        + " surrogate at index " + bad);
            }
        }
    }
}
