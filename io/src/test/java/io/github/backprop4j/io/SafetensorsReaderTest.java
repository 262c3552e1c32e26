package io.github.backprop4j.io;

import io.github.backprop4j.core.state.StateDict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault the reader names, each with its message; and the odd forms it accepts. */
class SafetensorsReaderTest {

    private static final String SOURCE = "test.safetensors";
    private static final String PREFIX = "SafetensorsReader.read(" + SOURCE + "): ";

    /** One F64 tensor of shape [2] at [0, 16]. */
    private static final String ONE = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";

    @TempDir
    Path folder;

    private static void assertRejected(byte[] file, String fault) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> SafetensorsReader.read(file, SOURCE));
        assertEquals(PREFIX + fault, e.getMessage());
        assertEquals(SOURCE, e.source());
    }

    /** The same for the bytes read from a stream, whose length is not known in advance. */
    private static void assertStreamRejected(byte[] file, String fault) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> SafetensorsReader.read(new ByteArrayInputStream(file), SOURCE));
        assertEquals(PREFIX + fault, e.getMessage());
        assertEquals(SOURCE, e.source());
    }

    /** A file with this header and exactly the data its single test tensor needs. */
    private static void assertHeaderRejected(String header, int dataBytes, String fault) {
        assertRejected(TestFiles.file(header, dataBytes), fault);
    }

    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
                + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    // ---------------------------------------------------------------- header length

    @Test
    void read_fewerThanEightBytes_throwsNamingTheSize() {
        assertRejected(new byte[5], "file must begin with an 8-byte header length, got only 5 bytes");
    }

    @Test
    void read_tenGigabyteHeaderLengthInHundredByteFile_throwsBeforeAllocating() {
        byte[] file = TestFiles.raw(10L << 30, new byte[0], 92);

        assertRejected(file, "header length must fit in the 92 bytes after the length field, got"
                + " 10737418240");
    }

    @Test
    void read_tenGigabyteHeaderLengthInHundredByteFileOnDisk_throwsBeforeAllocating()
            throws IOException {
        Path path = Files.write(folder.resolve("huge.safetensors"),
                TestFiles.raw(10L << 30, new byte[0], 92));

        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> SafetensorsReader.read(path));

        assertEquals("SafetensorsReader.read(" + path + "): header length must fit in the 92"
                + " bytes after the length field, got 10737418240", e.getMessage());
    }

    @Test
    void read_headerLengthWithTopBitSet_isReadAsUnsigned() {
        assertRejected(TestFiles.raw(-1L, new byte[0], 0), "header length must fit in the 0 bytes"
                + " after the length field, got 18446744073709551615");
    }

    @Test
    void read_streamWithHeaderLengthOverTheLimit_throwsBeforeReadingIt() {
        byte[] file = TestFiles.raw(SafetensorsReader.MAX_HEADER_LENGTH + 1, new byte[0], 92);

        assertStreamRejected(file, "header length must be at most 100000000 bytes, got 100000001");
    }

    @Test
    void read_streamEndingInsideTheHeader_throwsWithBothLengths() {
        byte[] file = TestFiles.raw(SafetensorsReader.MAX_HEADER_LENGTH, new byte[0], 92);

        assertStreamRejected(file, "header length must fit in the bytes after the length field, got"
                + " 100000000 but the stream ends after 92 of them");
    }

    @Test
    void read_streamWithBytesAfterTheLastTensor_throws() {
        byte[] file = TestFiles.file(ONE, 17);

        assertStreamRejected(file, "data must end at the end of the file, got more bytes after"
                + " offset 16, where the last tensor ends");
    }

    @Test
    void read_streamEndingInsideTheData_throwsAsTruncated() {
        byte[] file = TestFiles.file(ONE, 15);

        assertStreamRejected(file, "file must hold the 16 bytes of data that the data_offsets"
                + " describe, got only 15 (is it truncated?)");
    }

    // ---------------------------------------------------------------- header text

    @Test
    void read_emptyHeader_throws() {
        assertRejected(TestFiles.raw(0, new byte[0], 0), "header must begin with '{', got an empty"
                + " header");
    }

    @Test
    void read_headerNotBeginningWithBrace_throwsNamingTheByte() {
        assertHeaderRejected("[]", 0, "header must begin with '{', got byte 0x5b");
    }

    @Test
    void read_invalidUtf8_throwsNamingTheOffset() {
        byte[] header = "{\"a\u00e9\":{}}".getBytes(StandardCharsets.UTF_8);
        header[4] = (byte) 0x28;   // the second byte of é (0xC3 0xA9) is no continuation byte

        assertRejected(TestFiles.raw(header.length, header, 0), "header must be valid UTF-8, got an"
                + " invalid byte sequence at header byte 3");
    }

    @Test
    void read_overlongUtf8_throws() {
        byte[] header = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};

        assertRejected(TestFiles.raw(header.length, header, 0), "header must be valid UTF-8, got an"
                + " invalid byte sequence at header byte 2");
    }

    @Test
    void read_invalidJson_throwsWithParserMessageAndPosition() {
        assertHeaderRejected("{\"a\":{\"dtype\" \"F64\"}}", 0, "header must be valid JSON, got:"
                + " Unexpected character ('\"' (code 34)): was expecting a colon to separate field"
                + " name and value (header line 1, column 15)");
    }

    @Test
    void read_truncatedJson_throws() {
        assertHeaderRejected("{\"a\":", 0, "header must be valid JSON, got: Unexpected end-of-input"
                + " within/between Object entries (header line 1, column 9)");
    }

    @Test
    void read_secondJsonValueInHeader_throws() {
        assertHeaderRejected("{} {}", 0, "header must be one JSON object followed only by padding,"
                + " got more after its closing '}'");
    }

    @Test
    void read_numberBeyondParserLimit_throwsNamingTheLimit() {
        String digits = "1".repeat(65);
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[" + digits + "]}}", 0,
                "header must stay within the JSON parser's limits, got: Number value length (65)"
                        + " exceeds the maximum allowed (64, from `StreamReadConstraints"
                        + ".getMaxNumberLength()`)");
    }

    @Test
    void read_loneSurrogateEscapeInName_throws() {
        assertHeaderRejected("{\"a\\ud800\":{}}", 0, "header must be valid JSON, got: Broken"
                + " surrogate pair in field name: expected '\\' to start low surrogate, got 0x22"
                + " (header line 1, column 10)");
    }

    /** The parser refuses a lone low surrogate in any field name, a metadata key included. */
    @Test
    void read_loneLowSurrogateEscapeInNameOrMetadataKey_throws() {
        assertHeaderRejected("{\"a\\udc00\":{}}", 0, "header must be valid JSON, got:"
                + " Unexpected low surrogate in field name: 0xdc00 (header line 1, column 10)");
        assertHeaderRejected("{\"__metadata__\":{\"k\\udc00\":\"x\"}}", 0, "header must be"
                + " valid JSON, got: Unexpected low surrogate in field name: 0xdc00 (header line"
                + " 1, column 26)");
    }

    @Test
    void read_loneSurrogateEscapeInMetadataValue_throws() {
        assertHeaderRejected("{\"__metadata__\":{\"k\":\"x\\udc00\"}}", 0, "metadata value must"
                + " be valid Unicode, got an unpaired surrogate \\uDC00 at index 1");
    }

    @Test
    void read_loneSurrogateAtTheStartOfAMetadataValue_throwsWithIndexZero() {
        assertHeaderRejected("{\"__metadata__\":{\"k\":\"\\udc00x\"}}", 0, "metadata value must"
                + " be valid Unicode, got an unpaired surrogate \\uDC00 at index 0");
    }

    // ---------------------------------------------------------------- entries

    @Test
    void read_duplicateTensorName_throwsNamingIt() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", 0, 8) + ","
                + tensor("a", "F64", "[1]", 8, 16) + "}", 16,
                "tensor names must be unique, got 'a' twice");
    }

    @Test
    void read_entryThatIsNotAnObject_throws() {
        assertHeaderRejected("{\"a\":[1,2]}", 0, "tensor 'a' must be a JSON object with dtype, shape"
                + " and data_offsets, got an array");
    }

    @Test
    void read_duplicateField_throws() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"dtype\":\"F32\"}}", 0,
                "tensor 'a' must have one dtype, got it twice");
    }

    @Test
    void read_unknownField_throwsNamingIt() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"strides\":[1]}}", 0,
                "tensor 'a' must have only the fields dtype, shape and data_offsets, got 'strides'");
    }

    @Test
    void read_missingField_throwsNamingIt() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[1]}}", 0,
                "tensor 'a' must have a data_offsets field, got none");
    }

    @Test
    void read_unknownDtype_throwsNamingIt() {
        assertHeaderRejected("{" + tensor("a", "F16", "[1]", 0, 2) + "}", 2,
                "tensor 'a' must have dtype F64 or F32 (the dtypes this reader supports), got the"
                        + " string \"F16\"");
    }

    @Test
    void read_dtypeThatIsNotAString_throws() {
        assertHeaderRejected("{\"a\":{\"dtype\":64}}", 0, "tensor 'a' must have dtype F64 or F32"
                + " (the dtypes this reader supports), got 64");
    }

    @Test
    void read_rankThree_throwsWithTheShape() {
        assertHeaderRejected("{" + tensor("a", "F64", "[2,3,4]", 0, 192) + "}", 192,
                "tensor 'a' must have rank 0, 1 or 2 (backprop4j has only matrices), got shape"
                        + " [2, 3, 4]");
    }

    @Test
    void read_rankFive_throwsWithTheShapeElided() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1,1,1,1,1]", 0, 8) + "}", 8,
                "tensor 'a' must have rank 0, 1 or 2 (backprop4j has only matrices), got shape"
                        + " [1, 1, 1, ...]");
    }

    @Test
    void read_negativeDimension_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[-2]", 0, 16) + "}", 16,
                "tensor 'a' must have shape dimensions that are non-negative integers, got -2");
    }

    @Test
    void read_fractionalDimension_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[2.5]", 0, 16) + "}", 16,
                "tensor 'a' must have shape dimensions that are non-negative integers, got 2.5");
    }

    @Test
    void read_dimensionBeyondInt_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[4294967296]", 0, 8) + "}", 8,
                "tensor 'a' must have shape dimensions of at most 2147483647, got 4294967296");
    }

    @Test
    void read_dimensionBeyondLong_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[18446744073709551616]", 0, 8) + "}", 8,
                "tensor 'a' must have shape dimensions below 2^63, got 18446744073709551616");
    }

    @Test
    void read_shapeWithMoreElementsThanAMatrixHolds_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[65536,65536]", 0, 8) + "}", 8,
                "tensor 'a' must have at most 2147483639 elements (the most a Matrix holds), got"
                        + " shape [65536, 65536] with 4294967296");
    }

    @Test
    void read_shapeWhoseSizeDiffersFromItsOffsets_throwsWithBoth() {
        assertHeaderRejected("{" + tensor("a", "F64", "[8,3]", 0, 64) + "}", 64,
                "tensor 'a' must span 192 bytes (shape [8, 3] of F64), got data_offsets [0, 64]"
                        + " spanning 64");
    }

    @Test
    void read_offsetsOutOfOrder_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", 8, 0) + "}", 8,
                "tensor 'a' must have data_offsets [begin, end] with begin <= end, got [8, 0]");
    }

    @Test
    void read_negativeOffset_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", -8, 0) + "}", 8,
                "tensor 'a' must have data_offsets that are non-negative integers, got -8");
    }

    @Test
    void read_offsetsWithThreeValues_throws() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8,16]}}",
                8, "tensor 'a' must have data_offsets [begin, end], got more than 2 values");
    }

    @Test
    void read_offsetsWithOneValue_throws() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0]}}",
                8, "tensor 'a' must have data_offsets [begin, end], got 1 value(s)");
    }

    // ---------------------------------------------------------------- layout

    @Test
    void read_overlappingTensors_throwsNamingBoth() {
        assertHeaderRejected("{" + tensor("a", "F64", "[2]", 0, 16) + ","
                + tensor("b", "F64", "[2]", 8, 24) + "}", 24,
                "tensor data must not overlap, got 'b' [8, 24] overlapping 'a' [0, 16]");
    }

    /**
     * Tensors are checked in the order of their offsets, not the header's: a tensor inside
     * another that starts before it is reported as overlapping it, not as a hole before it.
     */
    @Test
    void read_tensorInsideAnEarlierOneListedFirst_throwsOverlapNotHole() {
        assertHeaderRejected("{" + tensor("a", "F64", "[3]", 0, 24) + ","
                + tensor("b", "F64", "[1]", 8, 16) + "}", 24,
                "tensor data must not overlap, got 'b' [8, 16] overlapping 'a' [0, 24]");
    }

    /** Of two tensors that start together, the shorter is checked first, whatever the header. */
    @Test
    void read_twoTensorsStartingTogether_reportsTheLongerAsOverlappingTheShorter() {
        assertHeaderRejected("{" + tensor("a", "F64", "[2]", 0, 16) + ","
                + tensor("b", "F64", "[1]", 0, 8) + "}", 16,
                "tensor data must not overlap, got 'a' [0, 16] overlapping 'b' [0, 8]");
    }

    /**
     * A stream's data may reach 2,147,483,631 bytes (the largest array, less the one byte read
     * past the end): offsets ending there pass the limit (and this stream, which lacks the data,
     * fails the layout check); 4 bytes more are refused before anything is read.
     */
    @Test
    void readStream_dataEndingAtTheLimitPassesItAndBeyondIsRefused() {
        assertStreamRejected(TestFiles.file("{" + tensor("a", "F32", "[1]", 2_147_483_627L,
                2_147_483_631L) + "}", 0), "tensor data must have no holes, got 2147483627 unused"
                + " bytes between the start of the data section and 'a' [2147483627, 2147483631]");
        assertStreamRejected(TestFiles.file("{" + tensor("a", "F32", "[1]", 2_147_483_628L,
                2_147_483_632L) + "}", 0), "data section must be at most 2147483631 bytes to be"
                + " read from a stream, got data_offsets ending at 2147483632; read the file from a"
                + " Path instead");
    }

    @Test
    void read_holeBetweenTensors_throwsNamingBoth() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", 0, 8) + ","
                + tensor("b", "F64", "[1]", 16, 24) + "}", 24,
                "tensor data must have no holes, got 8 unused bytes between 'a' [0, 8] and 'b'"
                        + " [16, 24]");
    }

    @Test
    void read_holeAtTheStart_throws() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", 8, 16) + "}", 16,
                "tensor data must have no holes, got 8 unused bytes between the start of the data"
                        + " section and 'a' [8, 16]");
    }

    @Test
    void read_bytesAfterTheLastTensor_throws() {
        assertHeaderRejected(ONE, 24, "data must end at the end of the file, got 8 bytes after"
                + " offset 16, where the last tensor ends");
    }

    @Test
    void read_truncatedData_throws() {
        assertHeaderRejected(ONE, 8, "file must hold the 16 bytes of data that the data_offsets"
                + " describe, got only 8 (is it truncated?)");
    }

    @Test
    void read_sixteenGigabyteTensorInSmallFile_throwsBeforeAllocating() {
        // 46340 x 46340 doubles would need 16 GiB, more than the test JVM's heap.
        assertHeaderRejected("{" + tensor("a", "F64", "[46340,46340]", 0, 17_179_164_800L) + "}",
                8, "file must hold the 17179164800 bytes of data that the data_offsets describe,"
                        + " got only 8 (is it truncated?)");
    }

    @Test
    void read_dataButNoTensors_throws() {
        assertHeaderRejected("{}", 8, "data must end at the end of the file, got 8 bytes after"
                + " offset 0, where the last tensor ends");
    }

    // ---------------------------------------------------------------- metadata

    @Test
    void read_metadataThatIsNotAnObject_throws() {
        assertHeaderRejected("{\"__metadata__\":\"pt\"}", 0, "__metadata__ must be a JSON object of"
                + " strings, got the string \"pt\"");
    }

    @Test
    void read_metadataWithNonStringValue_throwsNamingTheKey() {
        assertHeaderRejected("{\"__metadata__\":{\"format\":\"pt\",\"epoch\":3}}", 0,
                "__metadata__ value of 'epoch' must be a string, got 3");
    }

    @Test
    void read_metadataWithNestedObject_throws() {
        assertHeaderRejected("{\"__metadata__\":{\"config\":{\"lr\":\"0.1\"}}}", 0,
                "__metadata__ value of 'config' must be a string, got an object");
    }

    @Test
    void read_duplicateMetadataKey_throws() {
        assertHeaderRejected("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0,
                "__metadata__ keys must be unique, got 'k' twice");
    }

    @Test
    void read_twoMetadataObjects_throws() {
        assertHeaderRejected("{\"__metadata__\":{},\"__metadata__\":{}}", 0,
                "header must have one __metadata__, got it twice");
    }

    // ---------------------------------------------------------------- accepted forms

    @Test
    void read_offsetsInAnotherOrderThanTheHeader_keepsHeaderOrder() throws IOException {
        byte[] file = TestFiles.file("{" + tensor("b", "F64", "[1]", 8, 16) + ","
                + tensor("a", "F64", "[1]", 0, 8) + "}", 16);

        StateDict read = SafetensorsReader.read(file, SOURCE);

        assertEquals(List.of("b", "a"), read.names());
        // Data bytes are 0, 1, 2, ...: 'a' holds bytes 0..7, 'b' bytes 8..15, little-endian.
        assertEquals(Double.longBitsToDouble(0x0706050403020100L), read.get("a").matrix().get(0, 0));
        assertEquals(Double.longBitsToDouble(0x0f0e0d0c0b0a0908L), read.get("b").matrix().get(0, 0));
    }

    @Test
    void read_unpaddedHeaderWithOtherWhitespace_isAccepted() throws IOException {
        byte[] header = ("{\n  " + tensor("s", "F32", "[]", 0, 4) + "\n}\t").getBytes(
                StandardCharsets.UTF_8);

        StateDict read = SafetensorsReader.read(TestFiles.raw(header.length, header, 4), SOURCE);

        assertArrayEquals(new int[0], read.get("s").shape());
        assertEquals(Float.intBitsToFloat(0x03020100), read.get("s").matrix().get(0, 0));
    }

    @Test
    void read_emptyTensors_giveEmptyMatrices() throws IOException {
        byte[] file = TestFiles.file("{" + tensor("e", "F64", "[0,3]", 0, 0) + ","
                + tensor("v", "F32", "[0]", 0, 0) + ",\"__metadata__\":{}}", 0);

        StateDict read = SafetensorsReader.read(file, SOURCE);

        assertEquals(0, read.get("e").matrix().rows());
        assertEquals(3, read.get("e").matrix().cols());
        assertArrayEquals(new int[] {0}, read.get("v").shape());
        assertEquals(Map.of(), read.metadata());
    }

    @Test
    void read_sameBytesFromPathStreamAndArray_giveTheSameFile() throws IOException {
        byte[] bytes = Files.readAllBytes(TestFiles.resource("/torch/torch-mlp-f64.safetensors"));
        Path path = Files.write(folder.resolve("copy.safetensors"), bytes);

        byte[] fromPath = SafetensorsWriter.toBytes(SafetensorsReader.read(path));
        byte[] fromStream = SafetensorsWriter.toBytes(
                SafetensorsReader.read(new ByteArrayInputStream(bytes), "copy"));
        byte[] fromArray = SafetensorsWriter.toBytes(SafetensorsReader.read(bytes, "copy"));

        assertArrayEquals(bytes, fromPath);
        assertArrayEquals(bytes, fromStream);
        assertArrayEquals(bytes, fromArray);
    }

    @Test
    void read_missingFile_throwsPlainIOExceptionNotFormatException() {
        Path missing = folder.resolve("missing.safetensors");

        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> SafetensorsReader.read(missing));

        assertEquals(missing.toString(), e.getFile());
    }

    // ---------------------------------------------------------------- more than one 64 KiB buffer

    /**
     * A file built here, value by value, whose two tensors each need more than one 64 KiB read:
     * 20,005 floats i + 0.25 (80,020 bytes), then 9,100 doubles −3.5·i (72,800 bytes).
     */
    private static byte[] large() {
        String header = "{" + tensor("a", "F32", "[5,4001]", 0, 80_020) + ","
                + tensor("b", "F64", "[91,100]", 80_020, 152_820) + "}";
        byte[] file = TestFiles.file(header, 152_820);
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int data = file.length - 152_820;
        for (int i = 0; i < 20_005; i++) {
            bytes.putFloat(data + 4 * i, i + 0.25f);
        }
        for (int i = 0; i < 9_100; i++) {
            bytes.putDouble(data + 80_020 + 8 * i, -3.5 * i);
        }
        return file;
    }

    private static void assertLarge(StateDict read) {
        assertArrayEquals(new int[] {5, 4001}, read.get("a").shape());
        assertArrayEquals(new int[] {91, 100}, read.get("b").shape());
        double[] a = read.get("a").matrix().toRowMajorArray();
        for (int i = 0; i < 20_005; i++) {
            assertEquals(i + 0.25, a[i], 0.0, "a[" + i + "]");
        }
        double[] b = read.get("b").matrix().toRowMajorArray();
        for (int i = 0; i < 9_100; i++) {
            assertEquals(-3.5 * i, b[i], 0.0, "b[" + i + "]");
        }
    }

    @Test
    void read_tensorsLargerThanTheBuffer_readsEveryValueFromArray() throws IOException {
        assertLarge(SafetensorsReader.read(large(), SOURCE));
    }

    @Test
    void read_tensorsLargerThanTheBuffer_readsEveryValueFromPath() throws IOException {
        assertLarge(SafetensorsReader.read(Files.write(folder.resolve("large.safetensors"), large())));
    }

    @Test
    void read_tensorsLargerThanTheBuffer_readsEveryValueFromStream() throws IOException {
        assertLarge(SafetensorsReader.read(new ByteArrayInputStream(large()), SOURCE));
    }

    // ---------------------------------------------------------------- limits and messages

    /**
     * A dimension of exactly 2^31 − 1 is a valid dimension; it is the element count, above the
     * 2^31 − 9 a Matrix holds, that refuses it.
     */
    @Test
    void read_dimensionOfIntMax_isRefusedByTheElementCountNotAsADimension() {
        assertHeaderRejected("{" + tensor("a", "F32", "[1,2147483647]", 0, 8) + "}", 8,
                "tensor 'a' must have at most 2147483639 elements (the most a Matrix holds), got"
                        + " shape [1, 2147483647] with 2147483647");
    }

    /** Exactly as many elements as a Matrix holds passes that check. */
    @Test
    void read_exactlyTheMostElementsAMatrixHolds_isAcceptedAsAShape() {
        assertHeaderRejected("{" + tensor("a", "F64", "[2147483639]", 0, 8) + "}", 8,
                "tensor 'a' must span 17179869112 bytes (shape [2147483639] of F64), got"
                        + " data_offsets [0, 8] spanning 8");
    }

    @Test
    void read_spanMismatchAfterAnotherTensor_namesTheSpanOfItsOwnOffsets() {
        assertHeaderRejected("{" + tensor("a", "F64", "[1]", 0, 8) + ","
                        + tensor("b", "F64", "[1]", 8, 24) + "}", 24,
                "tensor 'b' must span 8 bytes (shape [1] of F64), got data_offsets [8, 24]"
                        + " spanning 16");
    }

    @Test
    void read_shapeHoldingAnObjectOrABoolean_describesWhatItFound() {
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[{}],\"data_offsets\":[0,8]}}", 8,
                "tensor 'a' must have shape dimensions that are non-negative integers, got an"
                        + " object");
        assertHeaderRejected("{\"a\":{\"dtype\":\"F64\",\"shape\":[true],\"data_offsets\":[0,8]}}",
                8, "tensor 'a' must have shape dimensions that are non-negative integers, got"
                        + " true");
    }

    /** Names of up to 40 characters are quoted whole; longer ones are cut after 40. */
    @Test
    void read_longNamesInMessages_areCutAfterFortyCharacters() {
        String forty = "n".repeat(40);
        assertHeaderRejected("{" + tensor(forty, "F16", "[1]", 0, 2) + "}", 2,
                "tensor '" + forty + "' must have dtype F64 or F32 (the dtypes this reader"
                        + " supports), got the string \"F16\"");
        assertHeaderRejected("{" + tensor(forty + "x", "F16", "[1]", 0, 2) + "}", 2,
                "tensor '" + forty + "...' must have dtype F64 or F32 (the dtypes this reader"
                        + " supports), got the string \"F16\"");
    }
}
