package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A table read from CSV text with a header line: column names, then rows of text values.
 *
 * <p>Read once, then take the columns you need as matrices, by name:
 * <pre>{@code
 * CsvTable table = CsvTable.read(Path.of("iris.csv"));
 * Matrix x = table.columns("sepal_length", "sepal_width", "petal_length", "petal_width");
 * OneHot species = table.oneHot("species");        // classes sorted: setosa, versicolor, ...
 * Matrix y = species.encode(table);                  // (150×3) one-hot rows
 * }</pre>
 * or make a {@link Dataset} in one call, naming the targets (every other column is a feature)
 * or the class column (one-hot targets, with the encoder):
 * <pre>{@code
 * Dataset data = CsvTable.read(Path.of("diabetes.csv")).dataset("progression");
 * ClassDataset iris = table.classification("species");
 * }</pre>
 *
 * <p><b>The format</b> is simple CSV, UTF-8:
 * <ul>
 *   <li>fields are separated by commas and records by line ends ({@code \n}, {@code \r\n} or a
 *       lone {@code \r});</li>
 *   <li>spaces and tabs around a field are trimmed;</li>
 *   <li>a field may be enclosed in double quotes, and then may hold commas, line ends and
 *       doubled quotes ({@code ""} for one {@code "}); its content is kept as written. A quote
 *       anywhere else in a field is an error;</li>
 *   <li>the first non-blank line is the header: non-empty, distinct column names;</li>
 *   <li>every other line has exactly as many fields as the header; blank lines at the end (and
 *       before the header) are ignored, a blank line between rows is an error;</li>
 *   <li>a byte-order mark at the start is skipped;</li>
 *   <li>at most {@value #MAX_COLUMNS} columns and {@value #MAX_FIELD_LENGTH} characters per
 *       field, so that malformed input fails quickly instead of exhausting memory.</li>
 * </ul>
 * Values stay text until a method asks for them: {@link #columns} parses numbers, and
 * {@link #oneHot} treats a column as class labels.
 *
 * <p><b>Errors.</b> Malformed text and bad values throw {@link CsvFormatException} (an
 * {@link IllegalArgumentException}) naming the source, line and column; a file that cannot be
 * read throws {@link UncheckedIOException} naming the file. Line numbers are one-based and count
 * physical lines, so they match an editor; column numbers are one-based positions in the header.
 * No other exception escapes for any input text.
 *
 * <p>A table is immutable.
 */
public final class CsvTable {

    /** The largest number of columns accepted. */
    public static final int MAX_COLUMNS = 10_000;
    /** The largest number of characters accepted in one field. */
    public static final int MAX_FIELD_LENGTH = 100_000;

    private final String source;
    private final int headerLine;
    private final List<String> names;
    private final Map<String, Integer> indexByName;
    private final List<String[]> rows;
    private final int[] lines;

    private CsvTable(String source, int headerLine, List<String> names, List<String[]> rows,
                     int[] lines) {
        this.source = source;
        this.headerLine = headerLine;
        this.names = Collections.unmodifiableList(names);
        this.rows = rows;
        this.lines = lines;
        this.indexByName = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            indexByName.put(names.get(j), j);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a UTF-8 CSV file; messages name it by {@code file.toString()}.
     *
     * @param file the file
     * @return the table
     * @throws UncheckedIOException naming the file if it is missing or cannot be read
     * @throws CsvFormatException if its content is malformed (including invalid UTF-8)
     */
    public static CsvTable read(Path file) {
        Objects.requireNonNull(file, "CsvTable.read: file must not be null");
        String name = file.toString();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("CsvTable.read: file must exist, got no file at "
                    + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvTable.read: cannot read " + name + ": " + e, e);
        }
    }

    /**
     * Parses CSV text held in a string.
     *
     * @param text       the whole table
     * @param sourceName the name used in messages, for example {@code "iris.csv"} or
     *                   {@code "<test>"}
     * @return the table
     * @throws CsvFormatException if the text is malformed
     */
    public static CsvTable parse(String text, String sourceName) {
        Objects.requireNonNull(text, "CsvTable.parse: text must not be null");
        return read(new StringReader(text), sourceName);
    }

    /**
     * Reads CSV text from a reader, to its end. The reader is not closed.
     *
     * @param reader     the text
     * @param sourceName the name used in messages
     * @return the table
     * @throws CsvFormatException if the text is malformed
     * @throws UncheckedIOException if the reader fails
     */
    public static CsvTable read(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "CsvTable.read: reader must not be null");
        Objects.requireNonNull(sourceName, "CsvTable.read: sourceName must not be null");
        Parser p = new Parser(reader, sourceName);
        List<String> header = null;
        int headerLine = 0;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int blankLine = 0; // the first blank line after the header, if any
        while (true) {
            int line = p.line;
            List<String> fields = p.readRecord(header == null ? MAX_COLUMNS : header.size());
            if (fields == null) {
                break;
            }
            if (p.blank) {
                if (header != null && blankLine == 0) {
                    blankLine = line;
                }
                continue;
            }
            if (header == null) {
                header = checkHeader(fields, sourceName, line);
                headerLine = line;
                continue;
            }
            if (blankLine != 0) {
                throw new CsvFormatException("CsvTable.read: rows must not be separated by blank"
                        + " lines, got a blank line before this row", sourceName, blankLine,
                        0, null);
            }
            if (fields.size() != header.size()) {
                int column = Math.min(fields.size(), header.size()) + 1;
                throw new CsvFormatException("CsvTable.read: every row must have " + header.size()
                        + " fields (as the header), got " + fields.size(), sourceName, line,
                        column, column <= header.size() ? header.get(column - 1) : null);
            }
            rows.add(fields.toArray(new String[0]));
            lines.add(line);
        }
        if (header == null) {
            throw new CsvFormatException("CsvTable.read: the text must start with a header line,"
                    + " got an empty file", sourceName, p.line, 0, null);
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException("CsvTable.read: the table must have at least one data row,"
                    + " got only a header", sourceName, headerLine, 0, null);
        }
        int[] lineArray = new int[lines.size()];
        for (int i = 0; i < lineArray.length; i++) {
            lineArray[i] = lines.get(i);
        }
        return new CsvTable(sourceName, headerLine, header, rows, lineArray);
    }

    private static List<String> checkHeader(List<String> fields, String source, int line) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < fields.size(); j++) {
            String name = fields.get(j);
            if (name.isEmpty()) {
                throw new CsvFormatException("CsvTable.read: every column name in the header must"
                        + " be non-empty, got an empty name", source, line, j + 1, null);
            }
            Integer before = seen.put(name, j);
            if (before != null) {
                throw new CsvFormatException("CsvTable.read: column names must be distinct, got \""
                        + quoteForMessage(name, true) + "\" in columns " + (before + 1) + " and "
                        + (j + 1), source, line, j + 1, name);
            }
        }
        return new ArrayList<>(fields);
    }

    // ---------------------------------------------------------------- the table

    /**
     * The source name used in messages.
     *
     * @return the file name or the name given for text
     */
    public String source() {
        return source;
    }

    /**
     * The column names, in header order.
     *
     * @return an unmodifiable list
     */
    public List<String> columnNames() {
        return names;
    }

    /**
     * The number of data rows (the header not counted).
     *
     * @return at least 1
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * The line on which a data row starts, for messages.
     *
     * @param row a zero-based data row
     * @return its one-based line in the source
     */
    public int lineOf(int row) {
        Objects.checkIndex(row, rows.size());
        return lines[row];
    }

    /**
     * The zero-based position of a column.
     *
     * @param name a column name
     * @return its index in {@link #columnNames()}
     * @throws CsvFormatException listing the available names if there is no such column
     */
    public int columnIndex(String name) {
        return indexOf("CsvTable.columnIndex", name);
    }

    int indexOf(String op, String name) {
        Objects.requireNonNull(name, op + ": column name must not be null");
        Integer j = indexByName.get(name);
        if (j == null) {
            throw new CsvFormatException(op + ": column must be one of " + names + ", got \""
                    + quoteForMessage(name, true) + "\"", source, headerLine, 0, null);
        }
        return j;
    }

    /**
     * Numeric columns as a matrix, one table row per matrix row, the columns in the order asked.
     *
     * <p>Each value must be a decimal number: optional sign, digits with an optional decimal
     * point, and an optional exponent ({@code 12}, {@code -0.5}, {@code .5}, {@code 1e-3}); it must
     * be finite. {@code NaN}, {@code Infinity}, hexadecimal and empty fields are rejected.
     *
     * @param names one or more column names
     * @return a new (rowCount × names.length) matrix
     * @throws CsvFormatException naming the line and column of the first bad value, or listing
     *         the available names for an unknown column
     */
    public Matrix columns(String... names) {
        Objects.requireNonNull(names, "CsvTable.columns: names must not be null");
        if (names.length == 0) {
            throw new IllegalArgumentException("CsvTable.columns: names must hold at least one"
                    + " column name, got none; the columns are " + this.names);
        }
        int[] index = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            index[k] = indexOf("CsvTable.columns", names[k]);
        }
        return matrix("CsvTable.columns", index);
    }

    /** The numeric columns at {@code index}, in that order; {@code op} starts value errors. */
    private Matrix matrix(String op, int[] index) {
        Matrix out = Matrix.zeros(rows.size(), index.length);
        double[] d = out.unwrap().data;
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < index.length; k++) {
                d[i * index.length + k] = number(op, i, index[k]);
            }
        }
        return out;
    }

    private double number(String op, int row, int col) {
        String text = rows.get(row)[col];
        if (text.isEmpty()) {
            throw cellError(op + ": value must not be missing, got an empty field", row, col);
        }
        if (!isDecimal(text)) {
            throw cellError(op + ": value must be a number, got \""
                    + quoteForMessage(text, true) + "\"", row, col);
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) { // isDecimal admits only what parseDouble accepts
            throw cellError(op + ": value must be a number, got \""
                    + quoteForMessage(text, true) + "\"", row, col);
        }
        if (!Double.isFinite(v)) {
            throw cellError(op + ": value must be a finite number, got \""
                    + quoteForMessage(text, true) + "\"", row, col);
        }
        return v;
    }

    /** Decimal numbers only: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A column's raw text values, for labels and other non-numeric data.
     *
     * @param name a column name
     * @return an unmodifiable list of rowCount strings
     * @throws CsvFormatException listing the available names if there is no such column
     */
    public List<String> strings(String name) {
        int j = indexOf("CsvTable.strings", name);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            out.add(row[j]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A one-hot encoder for a categorical column, whose classes are the column's distinct labels
     * in this table, sorted (by {@link String#compareTo}, so {@code "setosa" < "versicolor"}).
     * Sorting makes the class order independent of the row order. Encode this table, or another
     * one such as a test file, with {@link OneHot#encode(CsvTable)}.
     *
     * @param name the column of labels
     * @return an encoder with the class list fixed
     * @throws CsvFormatException for an unknown column or a missing (empty) label
     */
    public OneHot oneHot(String name) {
        int j = indexOf("CsvTable.oneHot", name);
        TreeSet<String> classes = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String label = rows.get(i)[j];
            if (label.isEmpty()) {
                throw cellError("CsvTable.oneHot: label must not be missing, got an empty field",
                        i, j);
            }
            classes.add(label);
        }
        return OneHot.of(name, new ArrayList<>(classes));
    }

    // ---------------------------------------------------------------- data sets in one call

    /**
     * A data set whose targets are the named columns and whose features are every other column,
     * both in header order of the table for the features and in the order named for the targets.
     * <pre>{@code
     * Dataset data = table.dataset("progression");   // 10 features, 1 target
     * }</pre>
     *
     * @param targetColumns one or more distinct column names
     * @return a new data set of {@link #rowCount()} samples
     * @throws CsvFormatException listing the available names for an unknown column, or naming the
     *         line and column of the first value that is not a finite number
     * @throws IllegalArgumentException if no column is named, a column is named twice, or no
     *         column is left for the features
     */
    public Dataset dataset(String... targetColumns) {
        int[] targets = named("CsvTable.dataset", "targetColumns", targetColumns);
        int[] features = others("CsvTable.dataset", targets, "target", "feature");
        return new Dataset(matrix("CsvTable.dataset", features),
                matrix("CsvTable.dataset", targets));
    }

    /**
     * The reverse of {@link #dataset(String...)}: the named columns are the features, in the order
     * named, and every other column is a target, in header order.
     * <pre>{@code
     * Dataset data = table.datasetFromFeatures("x1", "x2");   // every other column is a target
     * }</pre>
     *
     * @param featureColumns one or more distinct column names
     * @return a new data set of {@link #rowCount()} samples
     * @throws CsvFormatException listing the available names for an unknown column, or naming the
     *         line and column of the first value that is not a finite number
     * @throws IllegalArgumentException if no column is named, a column is named twice, or no
     *         column is left for the targets
     */
    public Dataset datasetFromFeatures(String... featureColumns) {
        String op = "CsvTable.datasetFromFeatures";
        int[] features = named(op, "featureColumns", featureColumns);
        int[] targets = others(op, features, "feature", "target");
        return new Dataset(matrix(op, features), matrix(op, targets));
    }

    /**
     * A data set of the named feature and target columns, each in the order named; other columns
     * (an identifier, a comment) are left out.
     *
     * @param featureColumns one or more distinct column names
     * @param targetColumns  one or more distinct column names, none of them a feature column
     * @return a new data set of {@link #rowCount()} samples
     * @throws CsvFormatException listing the available names for an unknown column, or naming the
     *         line and column of the first value that is not a finite number
     * @throws IllegalArgumentException if a list is empty, a column is named twice in a list, or
     *         a column is in both lists
     */
    public Dataset dataset(List<String> featureColumns, List<String> targetColumns) {
        String op = "CsvTable.dataset";
        Objects.requireNonNull(featureColumns, op + ": featureColumns must not be null");
        Objects.requireNonNull(targetColumns, op + ": targetColumns must not be null");
        int[] features = named(op, "featureColumns", featureColumns.toArray(new String[0]));
        int[] targets = named(op, "targetColumns", targetColumns.toArray(new String[0]));
        checkDisjoint(op, features, targets);
        return new Dataset(matrix(op, features), matrix(op, targets));
    }

    /**
     * A classification data set: one-hot targets from a column of class labels, and every other
     * column as a feature, in header order. The encoder (classes sorted as by
     * {@link #oneHot(String)}) comes with it, to decode predictions and to encode other files.
     * <pre>{@code
     * ClassDataset iris = table.classification("species");
     * Dataset data = iris.dataset();                    // (150×4) features, (150×3) one-hot
     * List<String> predicted = iris.oneHot().decode(model.predict(x));
     * }</pre>
     *
     * @param classColumn the column of labels
     * @return the data set and its encoder
     * @throws CsvFormatException for an unknown column, a missing label, or a feature value that
     *         is not a finite number, naming its line and column
     * @throws IllegalArgumentException if the table has no other column
     */
    public ClassDataset classification(String classColumn) {
        String op = "CsvTable.classification";
        int[] label = {indexOf(op, classColumn)};
        int[] features = others(op, label, "class", "feature");
        OneHot oneHot = oneHot(classColumn);
        return new ClassDataset(new Dataset(matrix(op, features), oneHot.encode(this)), oneHot);
    }

    /**
     * A classification data set from the named feature columns, in the order named, and one-hot
     * targets from a column of class labels; other columns are left out.
     *
     * @param classColumn    the column of labels
     * @param featureColumns one or more distinct column names, not the class column
     * @return the data set and its encoder
     * @throws CsvFormatException for an unknown column, a missing label, or a feature value that
     *         is not a finite number, naming its line and column
     * @throws IllegalArgumentException if no feature is named, one is named twice, or the class
     *         column is among them
     */
    public ClassDataset classification(String classColumn, List<String> featureColumns) {
        String op = "CsvTable.classification";
        Objects.requireNonNull(featureColumns, op + ": featureColumns must not be null");
        int[] label = {indexOf(op, classColumn)};
        int[] features = named(op, "featureColumns", featureColumns.toArray(new String[0]));
        checkDisjoint(op, features, label);
        OneHot oneHot = oneHot(classColumn);
        return new ClassDataset(new Dataset(matrix(op, features), oneHot.encode(this)), oneHot);
    }

    /** The positions of distinct, existing, named columns, in the order named. */
    private int[] named(String op, String what, String[] columns) {
        Objects.requireNonNull(columns, op + ": " + what + " must not be null");
        if (columns.length == 0) {
            throw new IllegalArgumentException(op + ": " + what + " must name at least one column,"
                    + " got none; the columns are " + names);
        }
        int[] index = new int[columns.length];
        for (int k = 0; k < columns.length; k++) {
            index[k] = indexOf(op, columns[k]);
            for (int before = 0; before < k; before++) {
                if (index[before] == index[k]) {
                    throw new IllegalArgumentException(op + ": " + what + " must be distinct, got \""
                            + quoteForMessage(columns[k], true) + "\" twice");
                }
            }
        }
        return index;
    }

    /** Every column not in {@code taken}, in header order; at least one must remain. */
    private int[] others(String op, int[] taken, String takenRole, String otherRole) {
        boolean[] used = new boolean[names.size()];
        for (int j : taken) {
            used[j] = true;
        }
        int[] out = new int[names.size() - taken.length];
        if (out.length == 0) {
            throw new IllegalArgumentException(op + ": at least one column must be left for the "
                    + otherRole + "s, got every column " + names + " as a " + takenRole
                    + " column");
        }
        int k = 0;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    private void checkDisjoint(String op, int[] features, int[] targets) {
        for (int f : features) {
            for (int t : targets) {
                if (f == t) {
                    throw new IllegalArgumentException(op + ": a column must not be both a feature"
                            + " and a target, got \"" + quoteForMessage(names.get(f), true)
                            + "\" in both");
                }
            }
        }
    }

    /** The text of one cell; package-private for {@link OneHot}. */
    String cell(int row, int col) {
        return rows.get(row)[col];
    }

    /** An exception located at a data cell. */
    CsvFormatException cellError(String problem, int row, int col) {
        return new CsvFormatException(problem, source, lines[row], col + 1, names.get(col));
    }

    /** A summary: {@code CsvTable(iris.csv, 150 rows, columns [sepal_length, ...])}. */
    @Override
    public String toString() {
        return "CsvTable(" + source + ", " + rows.size() + " rows, columns " + names + ")";
    }

    /**
     * Text made safe for a one-line message: control characters escaped as {@code \}{@code uXXXX}
     * and, when {@code shorten} is set, anything past 40 characters elided.
     */
    static String quoteForMessage(String text, boolean shorten) {
        int limit = 40;
        boolean cut = shorten && text.length() > limit;
        String s = cut ? text.substring(0, limit) : text;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (cut) {
            sb.append("...");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- the parser

    /**
     * A character-at-a-time CSV record reader. Line ends are folded to {@code '\n'} as they are
     * read, and {@link #line} always holds the line of the next character.
     */
    private static final class Parser {

        private static final int END = -1;

        private final Reader in;
        private final String source;
        private final char[] buffer = new char[8192];
        private int pos;
        private int len;
        private boolean first = true;
        /** The one-based line of the next character. */
        int line = 1;
        /** Whether the last record read was a blank line. */
        boolean blank;

        Parser(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        /** The next character with line ends folded to '\n', or END. */
        private int read() {
            int c = raw();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = raw();
                }
            }
            if (c == '\r') {
                if (peekRaw() == '\n') {
                    raw();
                }
                c = '\n';
            }
            if (c == '\n') {
                line++;
            }
            return c;
        }

        private int raw() {
            int c = peekRaw();
            if (c != END) {
                pos++;
            }
            return c;
        }

        private int peekRaw() {
            if (pos == len) {
                try {
                    int n;
                    do {
                        n = in.read(buffer, 0, buffer.length);
                    } while (n == 0);
                    if (n < 0) {
                        return END;
                    }
                    pos = 0;
                    len = n;
                } catch (CharacterCodingException e) {
                    throw new CsvFormatException("CsvTable.read: the text must be valid UTF-8, got"
                            + " a malformed byte sequence", source, line, 0, null);
                } catch (IOException e) {
                    throw new UncheckedIOException("CsvTable.read: cannot read " + source + ": "
                            + e, e);
                }
            }
            return buffer[pos];
        }

        /**
         * Reads one record, or returns {@code null} at the end of the text. Sets {@link #blank}
         * for a line that holds nothing but spaces and tabs.
         *
         * @param maxFields the number of fields beyond which the record is rejected at once
         */
        List<String> readRecord(int maxFields) {
            int recordLine = line;
            int c = read();
            if (c == END) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean quotedAny = false;
            while (true) {
                sb.setLength(0);
                while (c == ' ' || c == '\t') {
                    c = read();
                }
                if (c == '"') {
                    quotedAny = true;
                    int startLine = line;
                    while (true) {
                        c = read();
                        if (c == END) {
                            throw new CsvFormatException("CsvTable.read: a quoted field must end"
                                    + " with a closing quote, got the end of the text", source,
                                    startLine, fields.size() + 1, null);
                        }
                        if (c == '"') {
                            c = read();
                            if (c != '"') {
                                break;
                            }
                        }
                        append(sb, (char) c, fields.size());
                    }
                    while (c == ' ' || c == '\t') {
                        c = read();
                    }
                    if (c != ',' && c != '\n' && c != END) {
                        throw new CsvFormatException("CsvTable.read: a closing quote must be"
                                + " followed by a comma or the line end, got '"
                                + quoteForMessage(String.valueOf((char) c), false) + "'", source,
                                line, fields.size() + 1, null);
                    }
                    fields.add(sb.toString());
                } else {
                    while (c != ',' && c != '\n' && c != END) {
                        if (c == '"') {
                            throw new CsvFormatException("CsvTable.read: a quote must enclose the"
                                    + " whole field, got one inside an unquoted field", source,
                                    line, fields.size() + 1, null);
                        }
                        append(sb, (char) c, fields.size());
                        c = read();
                    }
                    int end = sb.length();
                    while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '\t')) {
                        end--;
                    }
                    fields.add(sb.substring(0, end));
                }
                if (c != ',') {
                    blank = !quotedAny && fields.size() == 1 && fields.get(0).isEmpty();
                    return fields;
                }
                if (fields.size() >= maxFields) {
                    throw new CsvFormatException("CsvTable.read: a row must have at most "
                            + maxFields + " fields" + (maxFields == MAX_COLUMNS ? "" : " (as the"
                            + " header)") + ", got more", source, recordLine, maxFields + 1, null);
                }
                c = read();
            }
        }

        private void append(StringBuilder sb, char c, int fieldIndex) {
            if (sb.length() >= MAX_FIELD_LENGTH) {
                throw new CsvFormatException("CsvTable.read: a field must have at most "
                        + MAX_FIELD_LENGTH + " characters, got more", source, line,
                        fieldIndex + 1, null);
            }
            sb.append(c);
        }
    }
}
