package io.github.backprop4j.core.state;

/**
 * The element types this package reads and writes, named as the safetensors header names them.
 *
 * <p>Both are IEEE 754 floating point, stored little-endian. A {@link io.github.backprop4j.core.Matrix}
 * always holds doubles: {@link #F64} stores them exactly, {@link #F32} rounds each value to the
 * nearest float on writing ({@code (float) x}) and widens it back exactly on reading.
 */
public enum DType {

    /** 64-bit float, 8 bytes per element: what a {@code Matrix} holds, stored without loss. */
    F64(8),

    /** 32-bit float, 4 bytes per element: half the size, about 7 significant digits. */
    F32(4);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /**
     * The number of bytes one element takes in the file.
     *
     * @return 8 for {@code F64}, 4 for {@code F32}
     */
    public int byteSize() {
        return byteSize;
    }
}
