package io.github.backprop4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol-buffers message being written: the few wire types an ONNX file needs, appended to
 * a growing byte buffer. Each field is a key, {@code (field number << 3) | wire type}, as a
 * varint, then its value:
 *
 * <pre>
 *   wire type   used for                          value bytes
 *   0 varint    int32, int64, enum                7 bits a byte, low first; the top bit says
 *                                                 "more follows"; a negative number takes 10
 *   2 length    string, bytes, a nested message   a varint length, then that many bytes
 *   5 32-bit    float                             4 bytes, little-endian IEEE 754
 * </pre>
 * A message is the concatenation of its fields. The caller writes them in field-number order,
 * the order protoc's generated code uses, so that the bytes are the same as its
 * ({@code ProtoEncoderTest} checks that byte for byte). A nested message is encoded into its own
 * encoder first, then written as a length-delimited field, as the length comes before it.
 */
final class ProtoEncoder {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /**
     * Appends an int32, int64 or enum field.
     *
     * @param field the field number
     * @param value the value; a negative int32 is sign-extended first, as protobuf does
     * @return this encoder
     */
    ProtoEncoder varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    /**
     * Appends a float field: 4 bytes, little-endian.
     *
     * @param field the field number
     * @param value the value
     * @return this encoder
     */
    ProtoEncoder float32(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            bytes.write(bits >>> (8 * i));                         // the low byte first
        }
        return this;
    }

    /**
     * Appends a bytes field.
     *
     * @param field the field number
     * @param value the bytes, written as they are after their length
     * @return this encoder
     */
    ProtoEncoder bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        bytes.writeBytes(value);
        return this;
    }

    /**
     * Appends a string field, encoded as UTF-8.
     *
     * @param field the field number
     * @param value the text
     * @return this encoder
     */
    ProtoEncoder string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends a nested message field.
     *
     * @param field   the field number
     * @param message the nested message, complete
     * @return this encoder
     */
    ProtoEncoder message(int field, ProtoEncoder message) {
        return bytes(field, message.toByteArray());
    }

    /**
     * Appends the fields already encoded in {@code fields}, as they are: repeated fields
     * gathered apart, to be written after others with lower numbers.
     *
     * @param fields the fields, not a message of their own
     * @return this encoder
     */
    ProtoEncoder append(ProtoEncoder fields) {
        bytes.writeBytes(fields.toByteArray());
        return this;
    }

    /**
     * The message so far.
     *
     * @return a new array of exactly the bytes written
     */
    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void key(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    /** 7 bits at a time, lowest first, with the top bit set on every byte but the last. */
    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        bytes.write((int) v);
    }
}
