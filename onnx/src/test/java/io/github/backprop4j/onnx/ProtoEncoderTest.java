package io.github.backprop4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand encoder against the protocol-buffers wire format, worked by hand and by protobuf-java. */
class ProtoEncoderTest {

    /** The bytes protobuf-java's own encoder writes. */
    @FunctionalInterface
    interface Coded {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    static byte[] coded(Coded fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void varint_300_isTheSpecificationsExample() {
        // 300 = 0b10_0101100: low 7 bits 0x2C with the "more" bit → 0xAC, then 0b10 → 0x02.
        assertArrayEquals(bytes(0x08, 0xAC, 0x02), new ProtoEncoder().varint(1, 300).toByteArray());
    }

    @Test
    void varint_boundaries_matchHandEncoding() {
        assertArrayEquals(bytes(0x08, 0x00), new ProtoEncoder().varint(1, 0).toByteArray());
        assertArrayEquals(bytes(0x08, 0x7F), new ProtoEncoder().varint(1, 127).toByteArray());
        assertArrayEquals(bytes(0x08, 0x80, 0x01), new ProtoEncoder().varint(1, 128).toByteArray());
        // -1: 64 one bits, 7 at a time: nine bytes 0xFF, then the last bit, 0x01.
        assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                new ProtoEncoder().varint(1, -1).toByteArray());
        // field 16, wire type 0: key 128 = 0x80 0x01.
        assertArrayEquals(bytes(0x80, 0x01, 0x05), new ProtoEncoder().varint(16, 5).toByteArray());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 300, 16383, 16384, 2097151, 2097152, Integer.MAX_VALUE,
        1L << 35, Long.MAX_VALUE, -1, -128, Integer.MIN_VALUE, Long.MIN_VALUE})
    void varint_matchesProtobufJava(long value) throws IOException {
        for (int field : new int[] {1, 15, 16, 20, 2047, 2048}) {
            assertArrayEquals(coded(out -> out.writeInt64(field, value)),
                    new ProtoEncoder().varint(field, value).toByteArray());
        }
    }

    @Test
    void float32_isLittleEndianWithWireType5() throws IOException {
        // 0.01f = 0x3C23D70A; field 2, wire type 5: key 0x15.
        assertArrayEquals(bytes(0x15, 0x0A, 0xD7, 0x23, 0x3C),
                new ProtoEncoder().float32(2, 0.01f).toByteArray());
        for (float f : new float[] {0f, -0f, 1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE,
            Float.NaN, Float.NEGATIVE_INFINITY}) {
            assertArrayEquals(coded(out -> out.writeFloat(2, f)),
                    new ProtoEncoder().float32(2, f).toByteArray());
        }
    }

    @Test
    void string_isUtf8WithItsByteLength() throws IOException {
        // "→" is three bytes in UTF-8 (E2 86 92), so the length is 3, not 1.
        assertArrayEquals(bytes(0x22, 0x03, 0xE2, 0x86, 0x92),
                new ProtoEncoder().string(4, "→").toByteArray());
        assertArrayEquals(coded(out -> out.writeString(4, "Linear(3→4)")),
                new ProtoEncoder().string(4, "Linear(3→4)").toByteArray());
        assertArrayEquals(coded(out -> out.writeString(1, "")),
                new ProtoEncoder().string(1, "").toByteArray());
    }

    @Test
    void bytes_300Long_haveATwoByteLengthAndMatchProtobufJava() throws IOException {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        byte[] encoded = new ProtoEncoder().bytes(9, data).toByteArray();
        assertArrayEquals(coded(out -> out.writeByteArray(9, data)), encoded);
        assertArrayEquals(bytes(0x4A, 0xAC, 0x02), java.util.Arrays.copyOf(encoded, 3));
    }

    @Test
    void message_isLengthDelimitedAfterItsFields() throws IOException {
        ProtoEncoder inner = new ProtoEncoder().string(1, "alpha").float32(2, 0.5f).varint(20, 1);
        byte[] innerBytes = inner.toByteArray();
        assertArrayEquals(coded(out -> {
            out.writeString(3, "node");
            out.writeByteArray(5, innerBytes);
            out.writeByteArray(5, innerBytes);
        }), new ProtoEncoder().string(3, "node").message(5, inner).message(5, inner)
                .toByteArray());
        // name, f, type: 2+5 + 5 + 3 bytes.
        assertArrayEquals(bytes(0x0A, 0x05, 'a', 'l', 'p', 'h', 'a', 0x15, 0x00, 0x00, 0x00, 0x3F,
                0xA0, 0x01, 0x01), innerBytes);
    }

    @Test
    void append_copiesFieldsAsTheyAre() {
        ProtoEncoder fields = new ProtoEncoder().varint(5, 1).varint(5, 2);
        byte[] tail = new byte[100];
        ProtoEncoder message = new ProtoEncoder().bytes(1, tail).append(fields).varint(10, 3);
        byte[] expected = new byte[2 + 100 + 4 + 2];
        expected[0] = 0x0A;
        expected[1] = 100;
        System.arraycopy(bytes(0x28, 0x01, 0x28, 0x02, 0x50, 0x03), 0, expected, 102, 6);
        assertArrayEquals(expected, message.toByteArray());
        assertArrayEquals(bytes(0x28, 0x01, 0x28, 0x02), fields.toByteArray());
    }

    @Test
    void manyFields_andNone_matchProtobufJava() throws IOException {
        ProtoEncoder encoder = new ProtoEncoder();
        for (int i = 0; i < 200; i++) {
            encoder.varint(1, i);
        }
        assertArrayEquals(coded(out -> {
            for (int i = 0; i < 200; i++) {
                out.writeInt64(1, i);
            }
        }), encoder.toByteArray());
        assertArrayEquals(new byte[0],
                new ProtoEncoder().toByteArray());
    }
}
