package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.DType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.backprop4j.core.Matrix;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads safetensors files: the tensor format of Hugging Face, which PyTorch, JAX and others
 * read and write, and which holds nothing but numbers and strings (unlike Java serialization or
 * Python pickles, loading one runs no code).
 *
 * <h2>The format</h2>
 * <pre>
 *   bytes 0..7        N, the header length: an unsigned 64-bit little-endian integer
 *   bytes 8..8+N-1    the header: UTF-8 JSON, one object, beginning with '{',
 *                     padded with spaces so that 8+N is a multiple of 8
 *   bytes 8+N..end    the data section: each tensor's elements, little-endian, row-major
 *
 *   header = { "NAME": {"dtype": "F64", "shape": [r, c], "data_offsets": [begin, end]}, ...,
 *              "__metadata__": {"KEY": "VALUE", ...} }                   (metadata optional)
 * </pre>
 * Each tensor's bytes are {@code [8+N+begin, 8+N+end)}; the offsets are relative to the data
 * section. The tensors, sorted by offset, must tile the data section exactly: the first begins
 * at 0, each begins where the previous ends, the last ends at the end of the file.
 *
 * <h2>What is checked</h2>
 * Everything, before anything is allocated from a number in the file: the header length
 * against the bytes that follow it and against {@value #MAX_HEADER_LENGTH} bytes; the header as
 * strict UTF-8, as JSON (parsed by Jackson's streaming parser, within the limits set below), and
 * against the format (one object per tensor with exactly {@code dtype}, {@code shape} and
 * {@code data_offsets}; no duplicate names or fields; string metadata); each shape against its
 * byte range; the ranges against each other and the data section. Only then are the matrices
 * allocated, so the memory used is bounded by the size of the file. Like the reference
 * implementation, the reader accepts any JSON whitespace as padding and a header length that
 * is not a multiple of 8; the {@link SafetensorsWriter} always writes the exact form.
 *
 * <h2>Exceptions</h2>
 * A malformed file throws {@link SafetensorsFormatException}, whose message names the source and
 * the fault; a failing read throws another {@link IOException}. Reading a byte array can only
 * throw {@code SafetensorsFormatException}. No other exception escapes for any input: the
 * fuzz test {@code SafetensorsFuzzTest} holds the reader to that.
 *
 * <h2>Supported tensors</h2>
 * Dtypes {@link DType#F64} and {@link DType#F32}; ranks 0, 1 and 2 (see {@link Tensor}), with at
 * most {@value #MAX_ELEMENTS} elements each, the most a {@link Matrix} can hold. Other dtypes and
 * ranks are refused with a message that says so.
 */
public final class SafetensorsReader {

    /** The largest header the format allows, in bytes (the reference implementation's limit). */
    public static final long MAX_HEADER_LENGTH = 100_000_000L;

    /** The largest number of elements of one tensor: the largest Java array of doubles. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The largest data section read from an {@link InputStream}, which is buffered whole. */
    static final long MAX_STREAM_DATA = Integer.MAX_VALUE - 16;

    /** Bytes decoded at a time. */
    private static final int CHUNK = 1 << 16;

    /** Characters of a JSON value quoted in a message. */
    private static final int QUOTE_LIMIT = 40;

    /**
     * Jackson's streaming parser with explicit limits. A safetensors header nests three deep,
     * its numbers are below 2^64 (20 digits), and its strings and names fit in the header, so
     * these limits refuse nothing valid, and an input that exceeds one fails with a
     * {@code StreamConstraintsException}, reported as a {@link SafetensorsFormatException}.
     * Field names are not canonicalized: that symbol table is for trusted documents with
     * repeated keys, and a hostile header could fill it.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxNumberLength(64)
                    .maxStringLength((int) MAX_HEADER_LENGTH)
                    .maxNameLength((int) MAX_HEADER_LENGTH)
                    .maxDocumentLength(MAX_HEADER_LENGTH)
                    .build())
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private SafetensorsReader() {
    }

    // ---------------------------------------------------------------- public entry points

    /**
     * Reads a safetensors file.
     *
     * <p>The header is checked against the file's size before it is read, and the data section
     * is read tensor by tensor through a small buffer, so files larger than 2 GiB work too.
     *
     * @param path the file
     * @return the tensors and metadata, in header order
     * @throws SafetensorsFormatException if the content breaks the format; the message names the
     *                                    path
     * @throws IOException                if the file cannot be read
     */
    public static StateDict read(Path path) throws IOException {
        Objects.requireNonNull(path, "SafetensorsReader.read: path must not be null");
        String source = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return readRandomAccess(new ChannelSource(channel, source), channel.size(), source);
        }
    }

    /**
     * Reads a safetensors file held in memory.
     *
     * @param bytes  the whole file; not modified, not kept
     * @param source a name for the messages, typically the file name
     * @return the tensors and metadata, in header order
     * @throws SafetensorsFormatException if the content breaks the format
     */
    public static StateDict read(byte[] bytes, String source) throws SafetensorsFormatException {
        Objects.requireNonNull(bytes, "SafetensorsReader.read: bytes must not be null");
        Objects.requireNonNull(source, "SafetensorsReader.read: source must not be null");
        try {
            return readRandomAccess(new ArraySource(bytes), bytes.length, source);
        } catch (SafetensorsFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array cannot fail", e);
        }
    }

    /**
     * Reads a safetensors file from a stream, to its end. The stream is not closed.
     *
     * <p>A stream's length is unknown in advance, so the header length is checked against
     * {@value #MAX_HEADER_LENGTH} and the stream is read only as far as it goes: buffers grow
     * with the bytes actually read, never with a length the file claims. The data section is
     * buffered whole and may be at most 2 GiB; read larger files from a {@link Path}.
     *
     * @param in     the stream, positioned at the start of the file
     * @param source a name for the messages, typically the file name
     * @return the tensors and metadata, in header order
     * @throws SafetensorsFormatException if the content breaks the format, or the stream
     *                                    continues after the last tensor's data
     * @throws IOException                if the stream fails
     */
    public static StateDict read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "SafetensorsReader.read: in must not be null");
        Objects.requireNonNull(source, "SafetensorsReader.read: source must not be null");
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw tooShort(source, prefix.length);
        }
        long n = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
        checkHeaderLength(n, -1, source);
        byte[] header = in.readNBytes((int) n);
        if (header.length < n) {
            throw new SafetensorsFormatException(source, "header length must fit in the bytes"
                    + " after the length field, got " + n + " but the stream ends after "
                    + header.length + " of them");
        }
        Header h = parseHeader(header, source);
        long end = 0;
        for (Entry e : h.entries) {
            end = Math.max(end, e.end);
        }
        if (end > MAX_STREAM_DATA) {
            throw new SafetensorsFormatException(source, "data section must be at most "
                    + MAX_STREAM_DATA + " bytes to be read from a stream, got data_offsets ending"
                    + " at " + end + "; read the file from a Path instead");
        }
        // One byte more than the offsets claim tells whether the stream goes on past them.
        byte[] data = in.readNBytes((int) end + 1);
        if (data.length > end) {
            throw new SafetensorsFormatException(source, "data must end at the end of the file,"
                    + " got more bytes after offset " + end + ", where the last tensor ends");
        }
        checkLayout(h.entries, data.length, source);
        return decode(h, new ArraySource(data), 0);
    }

    // ---------------------------------------------------------------- the three steps

    private static StateDict readRandomAccess(ByteSource src, long size, String source)
            throws IOException {
        if (size < 8) {
            throw tooShort(source, size);
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        src.read(0, prefix);
        long n = prefix.getLong(0);
        checkHeaderLength(n, size - 8, source);   // before the header buffer is allocated
        byte[] header = new byte[(int) n];
        src.read(8, ByteBuffer.wrap(header));
        Header h = parseHeader(header, source);
        checkLayout(h.entries, size - 8 - n, source);   // before any matrix is allocated
        return decode(h, src, 8 + n);
    }

    private static SafetensorsFormatException tooShort(String source, long size) {
        return new SafetensorsFormatException(source, "file must begin with an 8-byte header"
                + " length, got only " + size + " bytes");
    }

    /**
     * Checks the header length read from the first 8 bytes.
     *
     * @param n         the length, as a signed long (a length of 2^63 or more is negative)
     * @param available the bytes after the length field, or -1 when unknown (a stream)
     */
    private static void checkHeaderLength(long n, long available, String source)
            throws SafetensorsFormatException {
        if (available >= 0 && (n < 0 || n > available)) {
            throw new SafetensorsFormatException(source, "header length must fit in the "
                    + available + " bytes after the length field, got " + Long.toUnsignedString(n));
        }
        if (n < 0 || n > MAX_HEADER_LENGTH) {
            throw new SafetensorsFormatException(source, "header length must be at most "
                    + MAX_HEADER_LENGTH + " bytes, got " + Long.toUnsignedString(n));
        }
    }

    /** Decodes, parses and checks the header; allocates only in proportion to its length. */
    private static Header parseHeader(byte[] header, String source)
            throws SafetensorsFormatException {
        if (header.length == 0 || header[0] != '{') {
            String got = header.length == 0 ? "an empty header"
                    : String.format("byte 0x%02x", header[0] & 0xff);
            throw new SafetensorsFormatException(source, "header must begin with '{', got " + got);
        }
        CharBuffer chars = decodeUtf8(header, source);
        try (JsonParser p = JSON.createParser(chars.array(), 0, chars.limit())) {
            p.nextToken();   // the '{' checked above
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> metadata = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                checkUnicode(name, "tensor name", source);
                if (StateDict.METADATA_KEY.equals(name)) {
                    if (metadata != null) {
                        throw new SafetensorsFormatException(source, "header must have one "
                                + StateDict.METADATA_KEY + ", got it twice");
                    }
                    metadata = parseMetadata(p, source);
                } else {
                    if (entries.containsKey(name)) {
                        throw new SafetensorsFormatException(source, "tensor names must be"
                                + " unique, got '" + quote(name) + "' twice");
                    }
                    entries.put(name, parseEntry(p, name, source));
                }
            }
            // The loop ends on the root's END_OBJECT: the parser itself refuses anything else.
            if (p.nextToken() != null) {
                throw new SafetensorsFormatException(source, "header must be one JSON object"
                        + " followed only by padding, got more after its closing '}'");
            }
            return new Header(new ArrayList<>(entries.values()),
                    metadata == null ? Map.of() : metadata);
        } catch (StreamConstraintsException e) {
            throw new SafetensorsFormatException(source, "header must stay within the JSON"
                    + " parser's limits, got: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SafetensorsFormatException(source, "header must be valid JSON, got: "
                    + e.getOriginalMessage() + where(e.getLocation()), e);
        } catch (SafetensorsFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("parsing a char array cannot fail to read", e);
        }
    }

    /** Strict UTF-8: overlong forms, surrogates and truncated sequences are errors. */
    private static CharBuffer decodeUtf8(byte[] header, String source)
            throws SafetensorsFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(header);
        CharBuffer out = CharBuffer.allocate(header.length);   // UTF-8 never has fewer bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new SafetensorsFormatException(source, "header must be valid UTF-8, got an"
                    + " invalid byte sequence at header byte " + in.position());
        }
        return out.flip();
    }

    private static Entry parseEntry(JsonParser p, String name, String source) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must be a"
                    + " JSON object with dtype, shape and data_offsets, got " + describe(p));
        }
        DType dtype = null;
        int[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            boolean seen;
            switch (field) {
                case "dtype":
                    seen = dtype != null;
                    dtype = seen ? dtype : parseDType(p, name, source);
                    break;
                case "shape":
                    seen = shape != null;
                    shape = seen ? shape : parseShape(p, name, source);
                    break;
                case "data_offsets":
                    seen = offsets != null;
                    offsets = seen ? offsets : parseOffsets(p, name, source);
                    break;
                default:
                    throw new SafetensorsFormatException(source, "tensor '" + quote(name)
                            + "' must have only the fields dtype, shape and data_offsets, got '"
                            + quote(field) + "'");
            }
            if (seen) {
                throw new SafetensorsFormatException(source, "tensor '" + quote(name)
                        + "' must have one " + field + ", got it twice");
            }
        }
        String missing = dtype == null ? "dtype" : shape == null ? "shape"
                : offsets == null ? "data_offsets" : null;
        if (missing != null) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " a " + missing + " field, got none");
        }
        long elements = shape.length == 0 ? 1
                : shape.length == 1 ? shape[0] : (long) shape[0] * shape[1];
        if (elements > MAX_ELEMENTS) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " at most " + MAX_ELEMENTS + " elements (the most a Matrix holds), got"
                    + " shape " + Arrays.toString(shape) + " with " + elements);
        }
        long bytes = elements * dtype.byteSize();
        if (bytes != offsets[1] - offsets[0]) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must span"
                    + " " + bytes + " bytes (shape " + Arrays.toString(shape) + " of " + dtype
                    + "), got data_offsets " + Arrays.toString(offsets) + " spanning "
                    + (offsets[1] - offsets[0]));
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static DType parseDType(JsonParser p, String name, String source) throws IOException {
        JsonToken t = p.nextToken();
        String text = t == JsonToken.VALUE_STRING ? p.getText() : null;
        if ("F64".equals(text)) {
            return DType.F64;
        }
        if ("F32".equals(text)) {
            return DType.F32;
        }
        throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                + " dtype F64 or F32 (the dtypes this reader supports), got " + describe(p));
    }

    /** Reads a shape of rank 0 to 2; stops at the third dimension, so a long array costs nothing. */
    private static int[] parseShape(JsonParser p, String name, String source) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " a shape that is an array of dimensions, got " + describe(p));
        }
        long[] dims = new long[3];
        int rank = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long d = nonNegative(p, name, "shape dimensions", source);
            if (d > Integer.MAX_VALUE) {
                throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must"
                        + " have shape dimensions of at most " + Integer.MAX_VALUE + ", got " + d);
            }
            dims[rank++] = d;
            if (rank == 3) {
                String more = p.nextToken() == JsonToken.END_ARRAY ? "" : ", ...";
                throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must"
                        + " have rank 0, 1 or 2 (backprop4j has only matrices), got shape ["
                        + dims[0] + ", " + dims[1] + ", " + dims[2] + more + "]");
            }
        }
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = (int) dims[i];
        }
        return shape;
    }

    private static long[] parseOffsets(JsonParser p, String name, String source)
            throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " data_offsets [begin, end], got " + describe(p));
        }
        long[] offsets = new long[2];
        for (int i = 0; i < 2; i++) {
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must"
                        + " have data_offsets [begin, end], got " + i + " value(s)");
            }
            offsets[i] = nonNegative(p, name, "data_offsets", source);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " data_offsets [begin, end], got more than 2 values");
        }
        if (offsets[0] > offsets[1]) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " data_offsets [begin, end] with begin <= end, got "
                    + Arrays.toString(offsets));
        }
        return offsets;
    }

    /** The current token as a non-negative integer below 2^63. */
    private static long nonNegative(JsonParser p, String name, String what, String source)
            throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " " + what + " that are non-negative integers, got " + describe(p));
        }
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " " + what + " below 2^63, got " + describe(p));
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw new SafetensorsFormatException(source, "tensor '" + quote(name) + "' must have"
                    + " " + what + " that are non-negative integers, got " + v);
        }
        return v;
    }

    private static Map<String, String> parseMetadata(JsonParser p, String source)
            throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new SafetensorsFormatException(source, StateDict.METADATA_KEY + " must be a"
                    + " JSON object of strings, got " + describe(p));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            checkUnicode(key, "metadata key", source);
            if (metadata.containsKey(key)) {
                throw new SafetensorsFormatException(source, StateDict.METADATA_KEY + " keys must"
                        + " be unique, got '" + quote(key) + "' twice");
            }
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new SafetensorsFormatException(source, StateDict.METADATA_KEY + " value of"
                        + " '" + quote(key) + "' must be a string, got " + describe(p));
            }
            String value = p.getText();
            checkUnicode(value, "metadata value", source);
            metadata.put(key, value);
        }
        return metadata;
    }

    /** JSON escapes can spell a lone surrogate ({@code "\ud800"}), which is no Unicode text. */
    private static void checkUnicode(String s, String what, String source)
            throws SafetensorsFormatException {
        int bad = StateDict.firstUnpairedSurrogate(s);
        if (bad >= 0) {
            throw new SafetensorsFormatException(source, what + " must be valid Unicode, got an"
                    + String.format(" unpaired surrogate \\u%04X at index %d", (int) s.charAt(bad),
                    bad));
        }
    }

    /**
     * Checks that the tensors, sorted by offset, tile the data section: no overlap, no hole,
     * ending exactly at its end.
     */
    private static void checkLayout(List<Entry> entries, long dataSize, String source)
            throws SafetensorsFormatException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin < expected) {
                throw new SafetensorsFormatException(source, "tensor data must not overlap, got '"
                        + quote(e.name) + "' " + e.range() + " overlapping '" + quote(previous.name)
                        + "' " + previous.range());
            }
            if (e.begin > expected) {
                String after = previous == null ? "the start of the data section"
                        : "'" + quote(previous.name) + "' " + previous.range();
                throw new SafetensorsFormatException(source, "tensor data must have no holes, got "
                        + (e.begin - expected) + " unused bytes between " + after + " and '"
                        + quote(e.name) + "' " + e.range());
            }
            expected = e.end;
            previous = e;
        }
        if (expected < dataSize) {
            throw new SafetensorsFormatException(source, "data must end at the end of the file,"
                    + " got " + (dataSize - expected) + " bytes after offset " + expected
                    + ", where the last tensor ends");
        }
        if (expected > dataSize) {
            throw new SafetensorsFormatException(source, "file must hold the " + expected
                    + " bytes of data that the data_offsets describe, got only " + dataSize
                    + " (is it truncated?)");
        }
    }

    /** Allocates each matrix, now that its size is known to fit in the file, and fills it. */
    private static StateDict decode(Header h, ByteSource src, long dataStart) throws IOException {
        StateDict.Builder file = StateDict.builder();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : h.entries) {
            int[] rc = Tensor.matrixShapeOf(e.shape);
            Matrix m = Matrix.zeros(rc[0], rc[1]);
            double[] d = m.unwrap().data;
            int size = e.dtype.byteSize();
            int count = rc[0] * rc[1];
            long position = dataStart + e.begin;
            for (int done = 0; done < count; ) {
                int k = Math.min(count - done, CHUNK / size);
                buffer.clear().limit(k * size);
                src.read(position, buffer);
                buffer.flip();
                for (int i = 0; i < k; i++) {
                    d[done + i] = e.dtype == DType.F64 ? buffer.getDouble() : buffer.getFloat();
                }
                done += k;
                position += (long) k * size;
            }
            file.put(e.name, Tensor.of(e.dtype, e.shape, m));
        }
        return file.metadata(h.metadata).build();
    }

    // ---------------------------------------------------------------- messages

    /**
     * The value the parser stands on. It is always a value: every caller has just read one after
     * a field name or inside an array, and the parser itself refuses an end of input, a closing
     * bracket or a closing brace where a value belongs.
     */
    private static String describe(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "the string \"" + quote(p.getText()) + "\"";
            default:
                return quote(p.getText());
        }
    }

    /** Shortens text from the file for a message. */
    private static String quote(String s) {
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (header line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }

    // ---------------------------------------------------------------- small types

    /** A parsed tensor entry: its file shape and its byte range in the data section. */
    private static final class Entry {
        final String name;
        final DType dtype;
        final int[] shape;
        final long begin;
        final long end;

        Entry(String name, DType dtype, int[] shape, long begin, long end) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
        }

        String range() {
            return "[" + begin + ", " + end + "]";
        }
    }

    /** The parsed header: entries in header order, and metadata. */
    private static final class Header {
        final List<Entry> entries;
        final Map<String, String> metadata;

        Header(List<Entry> entries, Map<String, String> metadata) {
            this.entries = entries;
            this.metadata = metadata;
        }
    }

    /** Random access to the bytes of a file. */
    private interface ByteSource {
        /** Fills {@code dst} from its position to its limit with the bytes at {@code position}. */
        void read(long position, ByteBuffer dst) throws IOException;
    }

    private static final class ArraySource implements ByteSource {
        private final byte[] bytes;

        ArraySource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void read(long position, ByteBuffer dst) {
            dst.put(bytes, (int) position, dst.remaining());
        }
    }

    private static final class ChannelSource implements ByteSource {
        private final FileChannel channel;
        private final String source;

        ChannelSource(FileChannel channel, String source) {
            this.channel = channel;
            this.source = source;
        }

        @Override
        public void read(long position, ByteBuffer dst) throws IOException {
            long at = position;
            while (dst.hasRemaining()) {
                int k = channel.read(dst, at);
                if (k < 0) {
                    throw new EOFException("SafetensorsReader.read(" + source + "): file must not"
                            + " shrink while it is read, got its end at byte " + at);
                }
                at += k;
            }
        }
    }
}
