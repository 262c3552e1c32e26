package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.DType;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes safetensors files in the exact form of the format (see {@link SafetensorsReader}).
 *
 * <p>The bytes are a function of the {@link StateDict} alone, so the same content always gives
 * the same file:
 * <ul>
 *   <li>the header lists the tensors in the file's order, each as
 *       {@code {"dtype":"F64","shape":[r,c],"data_offsets":[begin,end]}}, then
 *       {@code "__metadata__"} (left out when empty) with its entries in order; compact JSON,
 *       no spaces, non-ASCII characters as UTF-8;</li>
 *   <li>the header is padded with spaces so that 8 + its length is a multiple of 8;</li>
 *   <li>the data follow in the same order with no gaps, little-endian, row-major; each tensor
 *       in its own {@link Tensor#dtype()}: {@link DType#F64} by default, {@link DType#F32} on
 *       request ({@link Tensor#withDType}, {@link StateDict#withDType}).</li>
 * </ul>
 *
 * <p>Writing to a {@link Path} is atomic, through {@link AtomicFiles}: the bytes go to a
 * temporary file in the same folder, which is forced to disk and then renamed over the target
 * in one step. A failure at any point leaves an existing target as it was and removes the
 * temporary file.
 *
 * <p>Exceptions: {@link IllegalArgumentException} for content that cannot be written (an F32
 * tensor with a finite value beyond the float range, a header over the format's limit),
 * {@link IllegalStateException} for a tensor whose matrix was reshaped after the tensor was
 * made, and {@link IOException} when the file system fails. Content is checked before the first
 * byte is written.
 */
public final class SafetensorsWriter {

    /** Bytes encoded at a time. */
    private static final int CHUNK = 1 << 16;

    private static final JsonFactory JSON = new JsonFactory();

    private SafetensorsWriter() {
    }

    /**
     * Writes a file atomically, replacing the target if it exists.
     *
     * @param file the content
     * @param path the target file; its folder must exist
     * @throws IOException if the file system fails; the target is then unchanged (see
     *                     {@link AtomicFiles#write})
     */
    public static void write(StateDict file, Path path) throws IOException {
        write(file, path, UnaryOperator.identity());
    }

    /**
     * Writes a file atomically, sending the bytes through {@code wrap} on their way to the
     * temporary file: the seam through which a test makes the writing fail part way.
     *
     * @param wrap applied to the temporary file's channel; the identity in production
     */
    static void write(StateDict file, Path path, UnaryOperator<WritableByteChannel> wrap)
            throws IOException {
        Objects.requireNonNull(file, "SafetensorsWriter.write: file must not be null");
        Objects.requireNonNull(path, "SafetensorsWriter.write: path must not be null");
        byte[] header = header(file);   // checks the content before anything is created
        AtomicFiles.write(path,
                out -> writeBody(header, file, wrap.apply(Channels.newChannel(out))));
    }

    /**
     * Writes a file to a stream, which is neither flushed nor closed.
     *
     * @param file the content
     * @param out  the stream
     * @throws IOException if the stream fails
     */
    public static void write(StateDict file, OutputStream out) throws IOException {
        Objects.requireNonNull(file, "SafetensorsWriter.write: file must not be null");
        Objects.requireNonNull(out, "SafetensorsWriter.write: out must not be null");
        writeBody(header(file), file, Channels.newChannel(out));
    }

    /**
     * The bytes of a file, in memory.
     *
     * @param file the content; its data must fit in a byte array (under 2 GiB)
     * @return a new array holding the whole file
     */
    public static byte[] toBytes(StateDict file) {
        Objects.requireNonNull(file, "SafetensorsWriter.toBytes: file must not be null");
        byte[] header = header(file);
        long size = 8L + header.length + dataSize(file);
        if (size > SafetensorsReader.MAX_ELEMENTS) {
            throw new IllegalArgumentException("SafetensorsWriter.toBytes: file must fit in a byte"
                    + " array, got " + size + " bytes; write it to a Path instead");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        try {
            writeBody(header, file, Channels.newChannel(out));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a byte array cannot fail", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- the bytes

    /**
     * The padded JSON header, after checking that every tensor can be written.
     *
     * @return N bytes, with 8 + N a multiple of 8
     */
    static byte[] header(StateDict file) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        long offset = 0;
        try (JsonGenerator g = JSON.createGenerator(json, JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
                Tensor t = e.getValue();
                checkWritable(e.getKey(), t);
                long bytes = (long) t.matrix().size() * t.dtype().byteSize();
                g.writeFieldName(e.getKey());
                g.writeStartObject();
                g.writeStringField("dtype", t.dtype().name());
                g.writeArrayFieldStart("shape");
                for (int d : t.shape()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offset);
                g.writeNumber(offset + bytes);
                g.writeEndArray();
                g.writeEndObject();
                offset += bytes;
            }
            if (!file.metadata().isEmpty()) {
                g.writeObjectFieldStart(StateDict.METADATA_KEY);
                for (Map.Entry<String, String> e : file.metadata().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a byte array cannot fail", e);
        }
        int length = json.size();
        int padded = length + (8 - (8 + length) % 8) % 8;
        if (padded > SafetensorsReader.MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("SafetensorsWriter.write: header must be at most "
                    + SafetensorsReader.MAX_HEADER_LENGTH + " bytes, got " + padded
                    + "; use shorter names or less metadata");
        }
        byte[] header = Arrays.copyOf(json.toByteArray(), padded);
        Arrays.fill(header, length, padded, (byte) ' ');
        return header;
    }

    /** Checks that the matrix still has the tensor's shape, and that F32 can hold its values. */
    private static void checkWritable(String name, Tensor t) {
        Matrix m = t.matrix();
        int[] rc = t.matrixShape();
        if (m.rows() != rc[0] || m.cols() != rc[1]) {
            throw new IllegalStateException("SafetensorsWriter.write: tensor '" + name + "' of"
                    + " shape " + t.shapeString() + " must hold a " + rc[0] + "x" + rc[1]
                    + " matrix, got " + Shapes.shape(m) + " (was it reshaped after the tensor"
                    + " was made?)");
        }
        if (t.dtype() == DType.F32) {
            double[] d = m.unwrap().data;
            for (int i = 0; i < m.size(); i++) {
                if (Double.isFinite(d[i]) && Float.isInfinite((float) d[i])) {
                    throw new IllegalArgumentException("SafetensorsWriter.write: tensor '" + name
                            + "' must have values within the F32 range (|x| <= " + Float.MAX_VALUE
                            + "), got " + d[i] + " at (" + i / m.cols() + "," + i % m.cols()
                            + "); write it as F64");
                }
            }
        }
    }

    private static long dataSize(StateDict file) {
        long size = 0;
        for (Tensor t : file.tensors().values()) {
            size += (long) t.matrix().size() * t.dtype().byteSize();
        }
        return size;
    }

    /** Writes the length field, the header and the data. */
    private static void writeBody(byte[] header, StateDict file, WritableByteChannel out)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length);
        drain(buffer, out);
        writeFully(ByteBuffer.wrap(header), out);
        for (Tensor t : file.tensors().values()) {
            double[] d = t.matrix().unwrap().data;
            int count = t.matrix().size();
            for (int i = 0; i < count; i++) {
                if (buffer.remaining() < 8) {
                    drain(buffer, out);
                }
                if (t.dtype() == DType.F64) {
                    buffer.putDouble(d[i]);
                } else {
                    buffer.putFloat((float) d[i]);
                }
            }
        }
        drain(buffer, out);
    }

    private static void drain(ByteBuffer buffer, WritableByteChannel out) throws IOException {
        buffer.flip();
        writeFully(buffer, out);
        buffer.clear();
    }

    private static void writeFully(ByteBuffer buffer, WritableByteChannel out) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
