package io.github.backprop4j.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What went wrong with a file, in words a user can act on: no exception class names, and never
 * the name of the temporary file that an atomic write goes through.
 *
 * <p>Every file the examples write is written atomically, to a temporary file beside the target
 * that is then renamed over it; the operating system's error names that temporary file, which
 * the user never asked for. The messages here name the file the user gave instead, and say why
 * it failed ({@code permission denied}, {@code the folder … does not exist}, …).
 */
final class FileProblems {

    private FileProblems() {
    }

    /**
     * Why a file could not be written, checked before any work is done: its folder is missing or
     * is a file, or the path names a folder.
     *
     * @param file the file to write, as given
     * @return the problem in words, or {@code null} if none is visible beforehand
     */
    static String beforeWriting(Path file) {
        if (Files.isDirectory(file)) {
            return file + " is a folder; give a file name in it";
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return Files.exists(folder) ? folder + " is a file, not a folder"
                    : "the folder " + folder + " does not exist; create it first";
        }
        return null;
    }

    /**
     * The reason behind an input/output error, without the exception's class or file names.
     *
     * @param e the exception
     * @return e.g. {@code "permission denied"}, {@code "Read-only file system"}, or the
     *         exception's own message when it says nothing more specific
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file stands where a folder is needed";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    /**
     * The message for a file that could not be written.
     *
     * @param who  the command, such as {@code "sine"}
     * @param what what was being written, such as {@code "the plot"}
     * @param file the file as the user gave it
     * @param e    the exception
     * @return e.g. {@code "sine: cannot write the plot to out/sine.png: permission denied"}
     */
    static String cannotWrite(String who, String what, Path file, IOException e) {
        return who + ": cannot write " + what + " to " + file + ": " + reason(e);
    }
}
