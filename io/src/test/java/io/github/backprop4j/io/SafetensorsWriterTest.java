package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest {

    private static final long SEED = 42;

    @TempDir
    Path folder;

    /** A small file with every rank, random values and metadata. */
    private static StateDict sample(DType dtype) {
        SplittableRandom rng = new SplittableRandom(SEED);
        return StateDict.builder()
                .put("0.weight", Tensor.of(Matrix.normal(4, 3, 0, 1, rng)).withDType(dtype))
                .put("0.bias", Tensor.vector(Matrix.normal(1, 4, 0, 1, rng)).withDType(dtype))
                .put("step", Tensor.scalar(-1234.5678).withDType(dtype))
                .metadata("format", "pt")
                .metadata("note", "héllo \"quoted\"")
                .build();
    }

    @Test
    void toBytes_f64RoundTrip_isExact() throws IOException {
        StateDict file = sample(DType.F64);

        StateDict back = SafetensorsReader.read(SafetensorsWriter.toBytes(file), "sample");

        assertEquals(file.names(), back.names());
        assertEquals(file.metadata(), back.metadata());
        for (String name : file.names()) {
            assertEquals(DType.F64, back.get(name).dtype());
            assertArrayEquals(file.get(name).shape(), back.get(name).shape(), name);
            assertArrayEquals(file.get(name).matrix().toRowMajorArray(),
                    back.get(name).matrix().toRowMajorArray(), 0.0, name);
        }
    }

    @Test
    void toBytes_f32RoundTrip_roundsEachValueToTheNearestFloat() throws IOException {
        StateDict file = sample(DType.F32);

        StateDict back = SafetensorsReader.read(SafetensorsWriter.toBytes(file), "sample");

        for (String name : file.names()) {
            assertEquals(DType.F32, back.get(name).dtype());
            double[] original = file.get(name).matrix().toRowMajorArray();
            double[] read = back.get(name).matrix().toRowMajorArray();
            for (int i = 0; i < original.length; i++) {
                assertEquals((double) (float) original[i], read[i], 0.0, name + "[" + i + "]");
            }
        }
        assertNotEquals(file.get("0.weight").matrix().get(0, 0),
                back.get("0.weight").matrix().get(0, 0));
    }

    @Test
    void toBytes_sampleFile_hasTheExactLayoutOfTheFormat() {
        StateDict file = sample(DType.F64);

        ByteBuffer bytes = ByteBuffer.wrap(SafetensorsWriter.toBytes(file))
                .order(ByteOrder.LITTLE_ENDIAN);

        // An independent reading: length field, header text with its padding, then raw data.
        long n = bytes.getLong(0);
        assertEquals(0, (8 + n) % 8);
        String header = new String(bytes.array(), 8, (int) n, StandardCharsets.UTF_8);
        String json = "{\"0.weight\":{\"dtype\":\"F64\",\"shape\":[4,3],\"data_offsets\":[0,96]},"
                + "\"0.bias\":{\"dtype\":\"F64\",\"shape\":[4],\"data_offsets\":[96,128]},"
                + "\"step\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[128,136]},"
                + "\"__metadata__\":{\"format\":\"pt\",\"note\":\"héllo \\\"quoted\\\"\"}}";
        assertEquals(json, header.stripTrailing());
        assertEquals(" ".repeat(header.length() - json.length()), header.substring(json.length()));
        assertTrue(header.length() - json.length() < 8);
        assertEquals(8 + n + 136, bytes.capacity());

        int data = 8 + (int) n;
        double[] weight = file.get("0.weight").matrix().toRowMajorArray();
        for (int i = 0; i < weight.length; i++) {
            assertEquals(weight[i], bytes.getDouble(data + 8 * i), 0.0, "weight[" + i + "]");
        }
        double[] bias = file.get("0.bias").matrix().toRowMajorArray();
        for (int i = 0; i < bias.length; i++) {
            assertEquals(bias[i], bytes.getDouble(data + 96 + 8 * i), 0.0, "bias[" + i + "]");
        }
        assertEquals(-1234.5678, bytes.getDouble(data + 128), 0.0);
    }

    @Test
    void toBytes_f32Tensor_storesFourByteLittleEndianFloats() {
        StateDict file = StateDict.builder()
                .put("v", Tensor.vector(Matrix.rowVector(1.5, -2.25)).withDType(DType.F32))
                .build();

        ByteBuffer bytes = ByteBuffer.wrap(SafetensorsWriter.toBytes(file))
                .order(ByteOrder.LITTLE_ENDIAN);

        String header = "{\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        int n = (int) bytes.getLong(0);
        assertEquals(header, new String(bytes.array(), 8, n, StandardCharsets.UTF_8).strip());
        assertEquals(1.5f, bytes.getFloat(8 + n), 0.0f);
        assertEquals(-2.25f, bytes.getFloat(8 + n + 4), 0.0f);
        assertEquals(8 + n + 8, bytes.capacity());
    }

    @Test
    void toBytes_emptyFile_isJustAPaddedEmptyObject() {
        byte[] bytes = SafetensorsWriter.toBytes(StateDict.builder().build());

        assertArrayEquals(TestFiles.file("{}", 0), bytes);
        assertEquals(16, bytes.length);
    }

    @Test
    void toBytes_sameContentTwice_givesIdenticalBytes() {
        assertArrayEquals(SafetensorsWriter.toBytes(sample(DType.F64)),
                SafetensorsWriter.toBytes(sample(DType.F64)));
    }

    @Test
    void write_outputStream_writesTheSameBytesAsToBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SafetensorsWriter.write(sample(DType.F32), out);

        assertArrayEquals(SafetensorsWriter.toBytes(sample(DType.F32)), out.toByteArray());
    }

    @Test
    void write_path_writesTheFileAndLeavesNothingElse() throws IOException {
        Path target = folder.resolve("model.safetensors");

        SafetensorsWriter.write(sample(DType.F64), target);

        assertArrayEquals(SafetensorsWriter.toBytes(sample(DType.F64)), Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), TestFiles.names(folder));
    }

    @Test
    void write_existingFile_isReplaced() throws IOException {
        Path target = folder.resolve("model.safetensors");
        Files.write(target, new byte[] {1, 2, 3});

        SafetensorsWriter.write(sample(DType.F32), target);

        assertArrayEquals(SafetensorsWriter.toBytes(sample(DType.F32)), Files.readAllBytes(target));
    }

    @Test
    void write_failureMidWrite_leavesOldFileIdenticalAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("model.safetensors");
        SafetensorsWriter.write(sample(DType.F32), target);
        byte[] before = Files.readAllBytes(target);
        int failAfter = 100;

        IOException e = assertThrows(IOException.class, () -> SafetensorsWriter.write(
                sample(DType.F64), target, channel -> new FailingChannel(channel, failAfter)));

        assertTrue(e.getMessage().startsWith("AtomicFiles.write: cannot write " + target
                + " (while writing the temporary file "), e.getMessage());
        assertTrue(e.getMessage().endsWith("): disk full after 100 bytes; the file is unchanged"),
                e.getMessage());
        assertEquals("disk full after 100 bytes", e.getCause().getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), TestFiles.names(folder));
    }

    @Test
    void write_failureMidWriteOfNewFile_leavesNoFileAtAll() throws IOException {
        Path target = folder.resolve("new.safetensors");

        assertThrows(IOException.class, () -> SafetensorsWriter.write(
                sample(DType.F64), target, channel -> new FailingChannel(channel, 8)));

        assertEquals(List.of(), TestFiles.names(folder));
    }

    @Test
    void write_f32ValueBeyondFloatRange_throwsBeforeWritingAnything() throws IOException {
        Path target = folder.resolve("big.safetensors");
        Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 1e300}});
        StateDict file = StateDict.builder().put("w", Tensor.of(m).withDType(DType.F32)).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(file, target));

        assertEquals("SafetensorsWriter.write: tensor 'w' must have values within the F32 range"
                + " (|x| <= 3.4028235E38), got 1.0E300 at (1,1); write it as F64", e.getMessage());
        assertEquals(List.of(), TestFiles.names(folder));
    }

    @Test
    void toBytes_f32InfinityAndNaN_areKeptAsTheyAre() throws IOException {
        Matrix m = Matrix.rowVector(Double.POSITIVE_INFINITY, Double.NaN, -0.0);
        StateDict file = StateDict.builder()
                .put("v", Tensor.vector(m).withDType(DType.F32)).build();

        double[] back = SafetensorsReader.read(SafetensorsWriter.toBytes(file), "special")
                .get("v").matrix().toRowMajorArray();

        assertEquals(Double.POSITIVE_INFINITY, back[0]);
        assertTrue(Double.isNaN(back[1]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back[2]));
    }

    @Test
    void toBytes_matrixReshapedAfterTensorWasMade_throwsWithBothShapes() {
        Matrix m = Matrix.zeros(2, 3);
        StateDict file = StateDict.builder().put("w", Tensor.of(m)).build();
        m.reshape(3, 2);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SafetensorsWriter.toBytes(file));

        assertEquals("SafetensorsWriter.write: tensor 'w' of shape [2, 3] must hold a 2x3 matrix,"
                + " got 3x2 (was it reshaped after the tensor was made?)", e.getMessage());
    }

    /** Passes the first {@code limit} bytes through, then fails as a full disk would. */
    static final class FailingChannel implements WritableByteChannel {
        private final WritableByteChannel target;
        private final int limit;
        private int written;

        FailingChannel(WritableByteChannel target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (written + src.remaining() > limit) {
                ByteBuffer head = src.slice().limit(limit - written);
                written += target.write(head);
                throw new IOException("disk full after " + written + " bytes");
            }
            int k = target.write(src);
            written += k;
            return k;
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    // ---------------------------------------------------------------- more than one 64 KiB buffer

    /**
     * Two tensors that each need more than one 64 KiB buffer of data (8,192 doubles or 16,384
     * floats): 20,005 floats (80,020 bytes), then 9,100 doubles (72,800 bytes). Entry i of the
     * first is i + 0.25, of the second −3.5·i: every value differs from its neighbours, so a
     * byte written twice, skipped or shifted shows.
     */
    static StateDict large() {
        Matrix a = Matrix.zeros(5, 4001);
        for (int i = 0; i < a.size(); i++) {
            a.set(i / 4001, i % 4001, i + 0.25);
        }
        Matrix b = Matrix.zeros(91, 100);
        for (int i = 0; i < b.size(); i++) {
            b.set(i / 100, i % 100, -3.5 * i);
        }
        return StateDict.builder()
                .put("a", Tensor.of(a).withDType(DType.F32))
                .put("b", Tensor.of(b))
                .build();
    }

    /** Checks the bytes of {@link #large()} as the format lays them out, value by value. */
    static void assertLargeLayout(byte[] file) {
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) bytes.getLong(0);
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[5,4001],\"data_offsets\":[0,80020]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[91,100],\"data_offsets\":[80020,152820]}}";
        assertEquals(header, new String(file, 8, n, StandardCharsets.UTF_8).stripTrailing());
        assertEquals(8 + n + 152_820, file.length);
        int data = 8 + n;
        for (int i = 0; i < 20_005; i++) {
            assertEquals(i + 0.25f, bytes.getFloat(data + 4 * i), 0.0f, "a[" + i + "]");
        }
        for (int i = 0; i < 9_100; i++) {
            assertEquals(-3.5 * i, bytes.getDouble(data + 80_020 + 8 * i), 0.0, "b[" + i + "]");
        }
    }

    @Test
    void toBytes_tensorsLargerThanTheBuffer_writesEveryValueInPlace() {
        assertLargeLayout(SafetensorsWriter.toBytes(large()));
    }

    @Test
    void write_pathThroughAChannelThatTakes1000BytesAtATime_writesEveryValueInPlace()
            throws IOException {
        Path path = folder.resolve("large.safetensors");

        SafetensorsWriter.write(large(), path, out -> new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int k = Math.min(1000, src.remaining());
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + k);
                int written = out.write(part);
                src.position(src.position() + written);
                return written;
            }

            @Override
            public boolean isOpen() {
                return out.isOpen();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });

        assertLargeLayout(Files.readAllBytes(path));
    }

    /**
     * A header of exactly the reader's limit, 100,000,000 bytes, is written; with one byte more
     * it would be padded to 100,000,008 and is refused. {@code {"__metadata__":{"k":"..."}}}
     * is 25 bytes around the value.
     */
    @Test
    void toBytes_headerOfExactlyTheLimit_isWrittenAndOneByteMoreIsRefused() {
        int value = 100_000_000 - 25;
        StateDict atLimit = StateDict.builder().metadata("k", "x".repeat(value)).build();

        byte[] file = SafetensorsWriter.toBytes(atLimit);

        assertEquals(8 + 100_000_000, file.length);
        assertEquals(100_000_000L, ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN)
                .getLong());
        StateDict over = StateDict.builder().metadata("k", "x".repeat(value + 1)).build();
        assertEquals("SafetensorsWriter.write: header must be at most 100000000 bytes, got"
                + " 100000008; use shorter names or less metadata", assertThrows(
                        IllegalArgumentException.class, () -> SafetensorsWriter.toBytes(over))
                        .getMessage());
    }
}
