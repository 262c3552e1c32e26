package io.github.backprop4j.data;

/**
 * A CSV table that cannot be read as asked: malformed text (a ragged row, an unterminated quote,
 * an empty file), a value that is not a number, a missing value, an unknown column, or a label
 * outside a fixed class list.
 *
 * <p>The message names the source (the file name, or the name given for text), the one-based
 * line and the one-based column with its name, for example
 * <pre>
 * CsvTable.columns: value must be a finite number, got "abc" (iris.csv, line 7, column 2 "sepal_width")
 * </pre>
 * and the same facts are available as {@link #source()}, {@link #line()} and {@link #column()}.
 *
 * <p>It is an {@link IllegalArgumentException}, as every error in the data the caller passes in
 * is. Reading failures of the file itself (a missing file, an I/O error) are
 * {@link java.io.UncheckedIOException}s instead. No other exception escapes {@link CsvTable}
 * for any input text.
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file or source name. */
    private final String source;
    /** The one-based line, or 0. */
    private final int line;
    /** The one-based column, or 0. */
    private final int column;

    /**
     * An exception for a problem at a place in a source.
     *
     * @param problem    what is wrong, in the {@code Class.method: what must ..., got ...} form
     * @param source     the file or source name
     * @param line       the one-based line, or 0 when no line applies
     * @param column     the one-based column, or 0 when no column applies
     * @param columnName the column's name from the header, or {@code null}
     */
    CsvFormatException(String problem, String source, int line, int column, String columnName) {
        super(problem + " (" + where(source, line, column, columnName) + ")");
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String where(String source, int line, int column, String columnName) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
            if (columnName != null) {
                sb.append(" \"").append(CsvTable.quoteForMessage(columnName, false)).append('"');
            }
        }
        return sb.toString();
    }

    /**
     * The file or source name.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The one-based line of the problem.
     *
     * @return the line, or 0 when the problem has no line (a missing header counts as line 1)
     */
    public int line() {
        return line;
    }

    /**
     * The one-based column of the problem.
     *
     * @return the column, or 0 when the problem is not in one column
     */
    public int column() {
        return column;
    }
}
