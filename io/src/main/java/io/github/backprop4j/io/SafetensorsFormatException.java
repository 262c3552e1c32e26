package io.github.backprop4j.io;

import java.io.IOException;

/**
 * A safetensors file whose content breaks the format: a header length beyond the file, a header
 * that is not UTF-8 JSON, a duplicate name, an unknown dtype, offsets that do not tile the data
 * section, and so on.
 *
 * <p>It is an {@link IOException} because a malformed file is a fault of the input, not of the
 * program, and a caller that loads a file already handles {@code IOException}; catch this
 * subclass to tell a bad file from a failing disk. The message names the source (the file name,
 * or the name given with a byte array or stream) and the fault, for example
 * <pre>
 * SafetensorsReader.read(model.safetensors): header length must be at most 92 (the bytes after
 * the length field), got 10737418240
 * </pre>
 */
public final class SafetensorsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The name of the file or stream being read. */
    private final String source;

    /**
     * Creates the exception.
     *
     * @param source the name of the file or stream being read
     * @param fault  what is wrong, in the project's {@code <what> must <expectation>, got
     *               <actual>} form
     */
    public SafetensorsFormatException(String source, String fault) {
        super("SafetensorsReader.read(" + source + "): " + fault);
        this.source = source;
    }

    /**
     * Creates the exception with the parser error that revealed the fault.
     *
     * @param source the name of the file or stream being read
     * @param fault  what is wrong
     * @param cause  the underlying parser error
     */
    public SafetensorsFormatException(String source, String fault, Throwable cause) {
        super("SafetensorsReader.read(" + source + "): " + fault, cause);
        this.source = source;
    }

    /**
     * The name of the file or stream that was being read.
     *
     * @return the source name given to the reader
     */
    public String source() {
        return source;
    }
}
