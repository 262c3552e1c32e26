package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    private static final double EXACT = 0.0;

    private static final String IRIS = """
            sepal_length,sepal_width,species
            5.1,3.5,setosa
            6.3,3.3,virginica
            7.0,3.2,versicolor
            4.9,3.0,setosa
            """;

    @TempDir
    Path dir;

    private static CsvFormatException malformed(String text) {
        return assertThrows(CsvFormatException.class, () -> CsvTable.parse(text, "t.csv"));
    }

    // ---------------------------------------------------------------- reading

    @Test
    void columns_byName_inRequestedOrder() {
        CsvTable t = CsvTable.parse(IRIS, "iris.csv");
        assertEquals(List.of("sepal_length", "sepal_width", "species"), t.columnNames());
        assertEquals(4, t.rowCount());
        Matrix x = t.columns("sepal_width", "sepal_length");
        assertArrayEquals(new double[] {3.5, 5.1, 3.3, 6.3, 3.2, 7.0, 3.0, 4.9},
                x.toRowMajorArray(), EXACT);
    }

    @Test
    void parse_quotesSpacesCrlfBomAndTrailingBlankLines_areAccepted() {
        String text = "\uFEFF a , \"b, quoted\" ,\"say \"\"hi\"\"\"\r\n"
                + " 1 ,\t-2.5e1 ,\"x\"\r\n"
                + "\"3\",.5,\"two\nlines\"\r\n"
                + "\r\n   \n";
        CsvTable t = CsvTable.parse(text, "odd.csv");
        assertEquals(List.of("a", "b, quoted", "say \"hi\""), t.columnNames());
        assertArrayEquals(new double[] {1, -25, 3, 0.5}, t.columns("a", "b, quoted")
                .toRowMajorArray(), EXACT);
        assertEquals(List.of("x", "two\nlines"), t.strings("say \"hi\""));
        assertEquals(2, t.lineOf(0));
        assertEquals(3, t.lineOf(1));
    }

    @Test
    void read_file_matchesParsedString(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("iris.csv");
        Files.writeString(file, IRIS, StandardCharsets.UTF_8);
        CsvTable t = CsvTable.read(file);
        assertEquals(file.toString(), t.source());
        assertArrayEquals(CsvTable.parse(IRIS, "s").columns("sepal_length").toRowMajorArray(),
                t.columns("sepal_length").toRowMajorArray(), EXACT);
    }

    @Test
    void read_reader_usesSourceNameInMessages() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvTable.read(new StringReader("a\nx\n"), "<memory>").columns("a"));
        assertTrue(e.getMessage().endsWith("(<memory>, line 2, column 1 \"a\")"), e.getMessage());
    }

    // ---------------------------------------------------------------- errors, each with its place

    @Test
    void read_missingFile_throwsUncheckedIoNamingFile() {
        Path missing = dir.resolve("nope.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CsvTable.read(missing));
        assertEquals("CsvTable.read: file must exist, got no file at " + missing, e.getMessage());
    }

    @Test
    void read_emptyFile_throwsNamingFileAndLine() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(empty));
        assertEquals("CsvTable.read: the text must start with a header line, got an empty file ("
                + empty + ", line 1)", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(empty.toString(), e.source());
    }

    @Test
    void parse_onlyBlankLines_isEmpty() {
        assertEquals("CsvTable.read: the text must start with a header line, got an empty file"
                + " (t.csv, line 3)", malformed("\n  \n").getMessage());
    }

    @Test
    void parse_headerOnly_throwsNamingHeaderLine() {
        assertEquals("CsvTable.read: the table must have at least one data row, got only a header"
                + " (t.csv, line 1)", malformed("a,b\n").getMessage());
    }

    @Test
    void parse_rowWithTooFewFields_throwsNamingLineAndFirstMissingColumn() {
        CsvFormatException e = malformed("a,b,c\n1,2,3\n4,5\n");
        assertEquals("CsvTable.read: every row must have 3 fields (as the header), got 2 (t.csv,"
                + " line 3, column 3 \"c\")", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void parse_rowWithTooManyFields_throwsNamingLineAndExtraColumn() {
        assertEquals("CsvTable.read: a row must have at most 2 fields (as the header), got more"
                + " (t.csv, line 2, column 3)", malformed("a,b\n1,2,3\n").getMessage());
        assertEquals("CsvTable.read: a row must have at most 2 fields (as the header), got more"
                + " (t.csv, line 2, column 3)", malformed("a,b\n1,2,\n").getMessage());
    }

    @Test
    void columns_nonNumericValue_throwsNamingLineAndColumn() {
        CsvTable t = CsvTable.parse("a,b\n1,2\n3,abc\n", "t.csv");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> t.columns("a", "b"));
        assertEquals("CsvTable.columns: value must be a number, got \"abc\" (t.csv, line 3,"
                + " column 2 \"b\")", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void columns_notPlainDecimals_areRejected() {
        for (String bad : List.of("NaN", "Infinity", "0x1p3", "1d", "1f", "1e", "+", ".", "1.2.3",
                "1 2", "--1", "e5")) {
            CsvTable t = CsvTable.parse("a\n\"" + bad + "\"\n", "t.csv");
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> t.columns("a"),
                    bad);
            assertEquals("CsvTable.columns: value must be a number, got \"" + bad + "\" (t.csv,"
                    + " line 2, column 1 \"a\")", e.getMessage());
        }
        CsvTable huge = CsvTable.parse("a\n1e999\n", "t.csv");
        assertEquals("CsvTable.columns: value must be a finite number, got \"1e999\" (t.csv,"
                + " line 2, column 1 \"a\")", assertThrows(CsvFormatException.class,
                        () -> huge.columns("a")).getMessage());
    }

    @Test
    void columns_plainDecimals_parse() {
        CsvTable t = CsvTable.parse("a\n12\n-0.5\n.5\n1e-3\n+2.E2\n", "t.csv");
        assertArrayEquals(new double[] {12, -0.5, 0.5, 1e-3, 200}, t.columns("a").toRowMajorArray(),
                EXACT);
    }

    @Test
    void columns_missingValue_throwsNamingLineAndColumn() {
        CsvTable t = CsvTable.parse("a,b\n1,2\n3, \n", "t.csv");
        assertEquals("CsvTable.columns: value must not be missing, got an empty field (t.csv,"
                + " line 3, column 2 \"b\")", assertThrows(CsvFormatException.class,
                        () -> t.columns("b")).getMessage());
    }

    @Test
    void columns_unknownName_listsAvailableColumns() {
        CsvTable t = CsvTable.parse(IRIS, "iris.csv");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> t.columns("sepal_length", "petal"));
        assertEquals("CsvTable.columns: column must be one of [sepal_length, sepal_width, species],"
                + " got \"petal\" (iris.csv, line 1)", e.getMessage());
    }

    @Test
    void columnIndex_knownAndUnknownNames() {
        CsvTable t = CsvTable.parse(IRIS, "iris.csv");
        assertEquals(0, t.columnIndex("sepal_length"));
        assertEquals(2, t.columnIndex("species"));
        assertEquals("CsvTable.columnIndex: column must be one of [sepal_length, sepal_width,"
                + " species], got \"petal\" (iris.csv, line 1)", assertThrows(
                        CsvFormatException.class, () -> t.columnIndex("petal")).getMessage());
    }

    @Test
    void toString_namesSourceRowsAndColumns() {
        assertEquals("CsvTable(iris.csv, 4 rows, columns [sepal_length, sepal_width, species])",
                CsvTable.parse(IRIS, "iris.csv").toString());
    }

    /** A value in a message is cut after 40 characters; a column name never is. */
    @Test
    void messages_cutValuesLongerThan40CharactersButNotColumnNames() {
        String forty = "abcdefghij".repeat(4);
        String longName = "n".repeat(45);
        CsvTable t = CsvTable.parse(longName + "\n" + forty + "k\n", "t.csv");

        assertEquals("CsvTable.columnIndex: column must be one of [" + longName + "], got \""
                + forty + "\" (t.csv, line 1)", assertThrows(CsvFormatException.class,
                        () -> t.columnIndex(forty)).getMessage());
        assertEquals("CsvTable.columns: value must be a number, got \"" + forty + "...\" (t.csv,"
                + " line 2, column 1 \"" + longName + "\")", assertThrows(
                        CsvFormatException.class, () -> t.columns(longName)).getMessage());
    }

    @Test
    void parse_fieldOfMaxLength_isAcceptedAndOneMoreIsRejected() {
        String longest = "7".repeat(CsvTable.MAX_FIELD_LENGTH);
        CsvTable t = CsvTable.parse("a,b\n1," + longest + "\n", "t.csv");
        assertEquals(longest.length(), t.strings("b").get(0).length());

        assertEquals("CsvTable.read: a field must have at most 100000 characters, got more"
                + " (t.csv, line 2, column 2)", malformed("a,b\n1," + longest + "7\n")
                        .getMessage());
    }

    /** The grammar of a plain decimal, the only numbers a column may hold. */
    @Test
    void isDecimal_acceptsPlainDecimalsOnly() {
        for (String good : List.of("0", "-1", "+.5", "5.", "1e5", "1E-5", "2.5e+10")) {
            assertTrue(CsvTable.isDecimal(good), good);
        }
        for (String bad : List.of("", "-", ".", "e1", "1e", "1e+", "1.5E-", "1x", "1e5x")) {
            assertFalse(CsvTable.isDecimal(bad), bad);
        }
    }

    @Test
    void parse_unterminatedQuote_throwsNamingStartLine() {
        assertEquals("CsvTable.read: a quoted field must end with a closing quote, got the end of"
                + " the text (t.csv, line 2, column 2)", malformed("a,b\n1,\"2\n3,4\n")
                .getMessage());
    }

    @Test
    void parse_quoteInsideUnquotedField_throws() {
        assertEquals("CsvTable.read: a quote must enclose the whole field, got one inside an"
                + " unquoted field (t.csv, line 2, column 1)", malformed("a\n5'3\"\n")
                .getMessage());
    }

    @Test
    void parse_textAfterClosingQuote_throws() {
        assertEquals("CsvTable.read: a closing quote must be followed by a comma or the line end,"
                + " got 'x' (t.csv, line 2, column 1)", malformed("a\n\"1\"x\n").getMessage());
    }

    @Test
    void parse_blankLineBetweenRows_throwsNamingBlankLine() {
        assertEquals("CsvTable.read: rows must not be separated by blank lines, got a blank line"
                + " before this row (t.csv, line 3)", malformed("a\n1\n\n2\n").getMessage());
    }

    @Test
    void parse_headerProblems_throwNamingColumn() {
        assertEquals("CsvTable.read: every column name in the header must be non-empty, got an"
                + " empty name (t.csv, line 1, column 2)", malformed("a,,c\n1,2,3\n").getMessage());
        assertEquals("CsvTable.read: column names must be distinct, got \"a\" in columns 1 and 3"
                + " (t.csv, line 1, column 3 \"a\")", malformed("a,b,a\n1,2,3\n").getMessage());
    }

    @Test
    void read_invalidUtf8File_throwsCsvFormatException() throws IOException {
        Path file = Files.write(dir.resolve("bad.csv"),
                new byte[] {'a', '\n', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().startsWith("CsvTable.read: the text must be valid UTF-8, got a"
                + " malformed byte sequence (" + file), e.getMessage());
    }

    @Test
    void columns_controlCharactersInValue_areEscapedInMessage() {
        CsvTable t = CsvTable.parse("a\n1\u00002\n", "t.csv");
        assertEquals("CsvTable.columns: value must be a number, got \"1\\u00002\" (t.csv, line 2,"
                + " column 1 \"a\")", assertThrows(CsvFormatException.class,
                        () -> t.columns("a")).getMessage());
    }

    /** A small deterministic fuzz: random text from a CSV-heavy alphabet only ever fails cleanly. */
    @Test
    void parse_randomText_onlyDocumentedExceptions() {
        char[] alphabet = {'a', '1', '.', 'e', '-', ',', ',', '"', '"', '\n', '\r', ' ', '\t',
            '\u0000', '\uFEFF', '\uD800', 'é'};
        SplittableRandom rng = new SplittableRandom(2024);
        int parsed = 0;
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, n = rng.nextInt(40); i < n; i++) {
                sb.append(alphabet[rng.nextInt(alphabet.length)]);
            }
            try {
                CsvTable t = CsvTable.parse(sb.toString(), "fuzz");
                for (String name : t.columnNames()) {
                    try {
                        t.columns(name);
                        t.oneHot(name).encode(t);
                    } catch (CsvFormatException e) {
                        assertTrue(e.getMessage().contains("(fuzz"), e.getMessage());
                    }
                }
                parsed++;
            } catch (CsvFormatException e) {
                assertTrue(e.getMessage().contains("(fuzz"), e.getMessage());
            }
        }
        assertTrue(parsed > 0, "some random texts should parse");
    }

    // ---------------------------------------------------------------- one-hot

    @Test
    void oneHot_classesSortedAndRowsEncoded() {
        CsvTable t = CsvTable.parse(IRIS, "iris.csv");
        OneHot species = t.oneHot("species");
        assertEquals(List.of("setosa", "versicolor", "virginica"), species.classes());
        assertArrayEquals(new double[] {
            1, 0, 0,
            0, 0, 1,
            0, 1, 0,
            1, 0, 0}, species.encode(t).toRowMajorArray(), EXACT);
    }

    @Test
    void oneHot_decodeAfterEncode_roundTripsLabels() {
        CsvTable t = CsvTable.parse(IRIS, "iris.csv");
        OneHot species = t.oneHot("species");
        assertEquals(t.strings("species"), species.decode(species.encode(t)));
        Matrix scores = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {2, -1, 2}});
        assertEquals(List.of("versicolor", "setosa"), species.decode(scores)); // ties: first
    }

    @Test
    void encode_classUnseenInTraining_throwsNamingLineAndColumn() {
        OneHot species = CsvTable.parse("x,species\n1,setosa\n2,versicolor\n", "train.csv")
                .oneHot("species");
        CsvTable test = CsvTable.parse("x,species\n1,setosa\n2,virginica\n", "test.csv");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> species.encode(test));
        assertEquals("OneHot.encode: label must be one of the classes [setosa, versicolor] fixed"
                + " when the encoder was made, got \"virginica\" (test.csv, line 3, column 2"
                + " \"species\")", e.getMessage());
    }

    @Test
    void oneHot_missingLabel_throwsNamingLineAndColumn() {
        CsvTable t = CsvTable.parse("x,species\n1,setosa\n2,\n", "t.csv");
        assertEquals("CsvTable.oneHot: label must not be missing, got an empty field (t.csv,"
                + " line 3, column 2 \"species\")", assertThrows(CsvFormatException.class,
                        () -> t.oneHot("species")).getMessage());
    }

    @Test
    void of_explicitClasses_keepsOrderAndRejectsDuplicates() {
        OneHot h = OneHot.of("c", List.of("b", "a"));
        assertArrayEquals(new double[] {0, 1, 1, 0}, h.encode(List.of("a", "b")).toRowMajorArray(),
                EXACT);
        assertEquals("OneHot.of: classes must be distinct, got \"a\" at positions 0 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> OneHot.of("c", List.of("a", "a"))).getMessage());
        assertEquals("OneHot.decode: scores must have 2 columns (one per class), got 1x3",
                assertThrows(IllegalArgumentException.class,
                        () -> h.decode(Matrix.zeros(1, 3))).getMessage());
    }
}
