package io.github.backprop4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that readers, and a crash, see either the whole old file or the whole new
 * one, never a mix: the one routine through which the framework writes every file (checkpoints,
 * state dicts, plots, predictions).
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("model.safetensors"), out -> SafetensorsWriter.write(state, out));
 * AtomicFiles.write(Path.of("scores.csv"), out -> {
 *     try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
 *         w.write("epoch,loss\n1,0.25\n");       // closing w flushes; write closes the file
 *     }
 * });
 * }</pre>
 *
 * <h2>The steps</h2>
 * <ol>
 *   <li>Leftovers of earlier saves of the same target that were killed part way (temporary
 *       files named as below, unmodified for {@link #STALE_AFTER} or more) are deleted.</li>
 *   <li>A temporary file is created in the target's folder with {@code CREATE_NEW} and an
 *       unpredictable name, {@code .<target name>.<16 random hex digits>.tmp}: hidden on Unix,
 *       never another writer's file, never truncated. Two threads or processes saving the same
 *       target at once each write their own, and the last rename wins whole.</li>
 *   <li>If the target exists, the temporary file is created no more open than the target's
 *       POSIX permissions and ends with exactly them: a checkpoint kept at {@code rw-------}
 *       stays so, and its new content is never more readable than the old. A new target gets
 *       the permissions of any new file (what the process's umask leaves).</li>
 *   <li>The content writes the bytes, which are then forced to the disk
 *       ({@link FileChannel#force(boolean)}).</li>
 *   <li>The temporary file is renamed over the target in one step
 *       ({@link StandardCopyOption#ATOMIC_MOVE}). On a file system that cannot do that, one
 *       WARN line says so and a plain replace follows: the new file is whole once it returns,
 *       but a crash during the replace may leave neither the old content nor the new.</li>
 *   <li>The folder is forced to the disk too, so that the rename survives a power cut. Some
 *       file systems (and Windows) cannot open a folder for that; the IOException they throw is
 *       ignored, as the data are already on disk and the file in place.</li>
 * </ol>
 *
 * <h2>Failures</h2>
 * On any failure the temporary file is deleted and the target is left byte for byte as it was
 * (or absent, if it was). An {@link IOException} is rethrown as an IOException whose message
 * names the target and the step that failed, with the original as its cause; an unchecked
 * exception or error thrown by the content is the caller's own and propagates unchanged. A
 * process killed part way leaves its temporary file behind: the next save of the same target
 * deletes it once it is {@link #STALE_AFTER} old. So a save whose temporary file stays
 * unmodified that long (a content that stalls) may lose it to another save of the same target;
 * it then fails, and the target is as the other save left it.
 *
 * <p>The folder must exist. A symbolic link at the target is replaced by the file, not
 * followed, and a replaced file's owner becomes the saving user, as with any rename.
 */
public final class AtomicFiles {

    /**
     * Writes the bytes of a file.
     */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the whole content to {@code out}. The stream is buffered; closing it only
         * flushes it, so a content may wrap it in a {@code Writer} inside try-with-resources.
         *
         * @param out a stream into the temporary file
         * @throws IOException if the content cannot be written; the target is then unchanged
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** How old a temporary file of this routine must be before a later save deletes it. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Random bytes in a temporary name: 16 hex digits, far beyond any guess or collision. */
    private static final int NAME_BYTES = 8;

    private static final int BUFFER_BYTES = 1 << 16;

    private static final String UNCHANGED = "the file is unchanged";

    /** Attempts at a fresh temporary name; a second is needed only by a 1-in-2⁶⁴ collision. */
    private static final int NAME_ATTEMPTS = 3;

    /** Moves a file; {@code Files::move} but in tests, which make the atomic move fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target, CopyOption... options) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically: replaced in one step by the content, or left as it was.
     *
     * @param target  the file to write; its folder must exist
     * @param content writes the bytes
     * @throws IOException if the file system fails; the message names the target, which is then
     *                     unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, Files::move);
    }

    /** {@link #write(Path, Content)} with the move done by {@code mover}: the tests' seam. */
    static void write(Path target, Content content, Mover mover) throws IOException {
        Objects.requireNonNull(target, "AtomicFiles.write: target must not be null");
        Objects.requireNonNull(content, "AtomicFiles.write: content must not be null");
        Path file = target.toAbsolutePath();
        if (file.getParent() == null || file.getFileName() == null) {
            throw new IllegalArgumentException("AtomicFiles.write: target must be a file in a"
                    + " folder, got " + target);
        }
        removeStaleTemporaries(file);
        Set<PosixFilePermission> permissions = existingPermissions(file);
        Temporary temp = createTemporary(file, permissions);
        try {
            try (FileChannel channel = temp.channel()) {
                KeptOpen out = new KeptOpen(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                if (permissions != null) {     // now, as the file is open: it may be read-only
                    Files.setPosixFilePermissions(temp.path(), permissions);
                }
                channel.force(true);           // the data and the permissions
            }
        } catch (IOException e) {
            throw deleting(temp.path(), failure(file, "while writing the temporary file "
                    + temp.path(), e, UNCHANGED));
        } catch (RuntimeException | Error e) {
            deleting(temp.path(), e);
            throw e;
        }
        replace(temp.path(), file, mover);
        forceFolder(file.getParent());
    }

    // ---------------------------------------------------------------- the steps

    /** The target's POSIX permissions, or null for a new target or a non-POSIX file system. */
    private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file,
                PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure(file, "while reading its permissions", e, UNCHANGED);
        }
    }

    /** A temporary file, created empty, and its open channel. */
    private record Temporary(Path path, FileChannel channel) {
    }

    /**
     * Creates the temporary file with {@code CREATE_NEW}, open for writing. Given the target's
     * permissions, it is created no more open than those (the umask may clear some), and gets
     * exactly them once written: a read-only target's stay writable through this channel.
     */
    private static Temporary createTemporary(Path file, Set<PosixFilePermission> permissions)
            throws IOException {
        FileAttribute<?>[] attributes = permissions == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        for (int attempt = 1; ; attempt++) {
            Path temp = file.resolveSibling(temporaryName(file));
            try {
                return new Temporary(temp, FileChannel.open(temp,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        attributes));
            } catch (IOException e) {
                if (!(e instanceof FileAlreadyExistsException) || attempt == NAME_ATTEMPTS) {
                    throw failure(file, "while creating a temporary file beside it", e,
                            UNCHANGED);
                }
            }
        }
    }

    /**
     * Renames the temporary file over the target, or with a WARN replaces it where the file
     * system cannot rename atomically. Deletes the temporary file if neither works.
     */
    private static void replace(Path temp, Path file, Mover mover) throws IOException {
        try {
            mover.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("AtomicFiles.write: the file system of {} cannot rename atomically ({});"
                    + " replacing the file non-atomically, so a crash now may leave neither the"
                    + " old content nor the new", file, e.getMessage());
            try {
                mover.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException fallback) {
                throw deleting(temp, failure(file, "while replacing it non-atomically by the"
                        + " temporary file " + temp, fallback, "the file may be damaged"));
            }
        } catch (IOException e) {
            throw deleting(temp, failure(file, "while renaming the temporary file " + temp
                    + " over it", e, UNCHANGED));
        }
    }

    /** Forces the folder's entries (the rename) to the disk, where the platform allows it. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows and some file systems cannot open or force a folder; the data are on
            // disk and the file is in place, so the save has succeeded all the same.
            LOG.debug("AtomicFiles.write: cannot force the folder {} to disk: {}", folder,
                    e.toString());
        }
    }

    // ---------------------------------------------------------------- temporary names

    /** {@code .<name>.<16 random hex digits>.tmp}. */
    private static String temporaryName(Path file) {
        byte[] random = new byte[NAME_BYTES];
        RANDOM.nextBytes(random);
        return "." + file.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp";
    }

    /**
     * The pattern of this routine's temporary names for a target: no other file matches it.
     *
     * @param file the target
     * @return a pattern matching whole file names
     */
    static Pattern temporaryNames(Path file) {
        return Pattern.compile("\\." + Pattern.quote(file.getFileName().toString())
                + "\\.[0-9a-f]{" + 2 * NAME_BYTES + "}\\.tmp");
    }

    /**
     * Deletes the temporary files a killed save of this target left, if unmodified for
     * {@link #STALE_AFTER}. Best effort: a file that cannot be listed, read or deleted (another
     * save may just have renamed it) is left alone, and the save goes on.
     */
    private static void removeStaleTemporaries(Path file) {
        Pattern names = temporaryNames(file);
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(file.getParent(),
                p -> names.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : temporaries) {
                try {
                    if (Files.getLastModifiedTime(temp).compareTo(cutoff) <= 0
                            && Files.deleteIfExists(temp)) {
                        LOG.debug("AtomicFiles.write: deleted {}, left by a save that did not"
                                + " finish", temp);
                    }
                } catch (IOException e) {
                    LOG.debug("AtomicFiles.write: cannot delete {}: {}", temp, e.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("AtomicFiles.write: cannot look for leftovers beside {}: {}", file,
                    e.toString());
        }
    }

    // ---------------------------------------------------------------- failures

    /**
     * An IOException naming the target, the step that failed and the target's state, with
     * {@code cause} as its cause.
     */
    private static IOException failure(Path file, String step, IOException cause,
                                       String outcome) {
        String reason = cause.getMessage() == null || cause instanceof FileSystemException
                ? cause.toString() : cause.getMessage();
        return new IOException("AtomicFiles.write: cannot write " + file + " (" + step + "): "
                + reason + "; " + outcome, cause);
    }

    /** Deletes the temporary file and returns {@code e} to throw, with any deletion failure. */
    private static <T extends Throwable> T deleting(Path temp, T e) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
        return e;
    }

    /** A buffer over the temporary file whose {@code close} only flushes: write closes it. */
    private static final class KeptOpen extends BufferedOutputStream {

        KeptOpen(OutputStream out) {
            super(out, BUFFER_BYTES);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
