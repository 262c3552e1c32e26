package io.github.backprop4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@link AtomicFiles}: a save is all or nothing, even with a second saver at work or a kill
 * part way; permissions survive it; what a killed save leaves behind, the next one removes.
 */
class AtomicFilesTest {

    private static final long SEED = 42;

    /** Saves per thread in the race: enough for the two to overlap many times. */
    private static final int SAVES_PER_THREAD = 50;

    /** How long the killed child may take to start and reach the middle of its save. */
    private static final long CHILD_START_SECONDS = 60;

    private static final String NAME = "model.safetensors";

    @TempDir
    Path folder;

    /** The bytes of a state dict of {@code rows} random rows: different sizes, different files. */
    private static byte[] checkpoint(int rows, long seed) {
        return SafetensorsWriter.toBytes(state(rows, seed));
    }

    private static StateDict state(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return StateDict.builder()
                .put("0.weight", Tensor.of(Matrix.normal(rows, 64, 0, 1, rng)))
                .put("0.bias", Tensor.vector(Matrix.normal(1, rows, 0, 1, rng)))
                .metadata("format", "pt").build();
    }

    private static AtomicFiles.Content bytes(byte[] content) {
        return out -> out.write(content);
    }

    @Test
    void write_newTarget_writesTheContentAndLeavesNothingElse() throws IOException {
        Path target = folder.resolve(NAME);
        byte[] content = checkpoint(8, SEED);

        AtomicFiles.write(target, bytes(content));

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(NAME), TestFiles.names(folder));
    }

    @Test
    void write_contentClosesTheStream_theFileIsStillWholeAndForced() throws IOException {
        Path target = folder.resolve("scores.csv");

        AtomicFiles.write(target, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("epoch,loss\n1,0.25\n");
            }
        });

        assertEquals("epoch,loss\n1,0.25\n", Files.readString(target));
    }

    /**
     * Two threads save different contents to one target, over and over, while a third reads
     * it: every read, and the file at the end, is one saver's content whole.
     */
    @Test
    @Timeout(120)
    void write_twoConcurrentSaversOfOneTarget_everyReadIsOneWholeContent() throws Exception {
        Path target = folder.resolve(NAME);
        byte[] small = checkpoint(16, SEED);
        byte[] large = checkpoint(48, SEED + 1);
        AtomicFiles.write(target, bytes(small));
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean saving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> savers = new ArrayList<>();
            for (byte[] content : List.of(small, large)) {
                savers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < SAVES_PER_THREAD; i++) {
                        AtomicFiles.write(target, bytes(content));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                do {
                    byte[] read = Files.readAllBytes(target);
                    assertTrue(Arrays.equals(read, small) || Arrays.equals(read, large),
                            "read " + read.length + " bytes, a mix of the two savers' files");
                    reads++;
                } while (saving.get());
                return reads;
            });
            start.countDown();
            for (Future<?> saver : savers) {
                saver.get();
            }
            saving.set(false);
            assertTrue(reader.get() >= 1);
        } finally {
            pool.shutdownNow();
        }

        byte[] last = Files.readAllBytes(target);
        assertTrue(Arrays.equals(last, small) || Arrays.equals(last, large));
        assertEquals(List.of(NAME), TestFiles.names(folder), "no temporary file left");
    }

    /**
     * A child JVM saves a new checkpoint slowly and is killed (SIGKILL) half way: the previous
     * checkpoint is untouched and loads; the child's temporary file is the only trace, and the
     * next save removes it once it is old.
     */
    @Test
    @Timeout(120)
    void write_saverKilledMidWrite_leavesThePreviousCheckpointIdenticalAndLoadable()
            throws Exception {
        Path target = folder.resolve(NAME);
        StateDict previous = state(16, SEED);
        SafetensorsWriter.write(previous, target);
        byte[] before = Files.readAllBytes(target);
        Path next = Files.write(folder.resolve("next.bin"), checkpoint(64, SEED + 1));

        Process child = new ProcessBuilder(javaCommand(), "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), SlowSaver.class.getName(),
                target.toString(), next.toString()).redirectErrorStream(true).start();
        try {
            awaitLine(child, SlowSaver.HALF_WRITTEN);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(CHILD_START_SECONDS, TimeUnit.SECONDS), "child not killed");
        }

        assertArrayEquals(before, Files.readAllBytes(target));
        StateDict loaded = SafetensorsReader.read(target);
        assertArrayEquals(previous.get("0.weight").matrix().toRowMajorArray(),
                loaded.get("0.weight").matrix().toRowMajorArray(), 0.0);
        List<Path> leftovers = temporaries(target);
        assertEquals(1, leftovers.size(), "the killed save's temporary file");
        long written = Files.size(leftovers.get(0));
        assertTrue(written > 0 && written < Files.size(next), written + " bytes");

        age(leftovers.get(0));
        AtomicFiles.write(target, bytes(before));

        assertEquals(List.of(NAME, "next.bin"), TestFiles.names(folder));
    }

    @Test
    void write_staleLeftover_isDeletedAndFreshOrOtherFilesAreKept() throws IOException {
        Path target = folder.resolve(NAME);
        Path stale = Files.createFile(folder.resolve("." + NAME + ".0123456789abcdef.tmp"));
        Path fresh = Files.createFile(folder.resolve("." + NAME + ".fedcba9876543210.tmp"));
        Path otherTarget = Files.createFile(folder.resolve(".other.bin.0123456789abcdef.tmp"));
        Path lookAlike = Files.createFile(folder.resolve("." + NAME + ".notes.tmp"));
        for (Path p : List.of(stale, otherTarget, lookAlike)) {
            age(p);
        }

        AtomicFiles.write(target, bytes(new byte[] {1, 2, 3}));

        assertFalse(Files.exists(stale));
        assertEquals(List.of("." + NAME + ".fedcba9876543210.tmp", "." + NAME + ".notes.tmp",
                ".other.bin.0123456789abcdef.tmp", NAME), TestFiles.names(folder));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "rw-rw-r--", "r--r-----"})
    void write_existingTarget_keepsItsPermissions(String permissions) throws IOException {
        assumePosix();
        Path target = folder.resolve(NAME);
        Set<PosixFilePermission> kept = PosixFilePermissions.fromString(permissions);
        Files.write(target, new byte[] {1});
        Files.setPosixFilePermissions(target, kept);

        AtomicFiles.write(target, bytes(new byte[] {2, 3}));

        assertEquals(kept, Files.getPosixFilePermissions(target));
        assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(target));
    }

    @Test
    void write_newTarget_getsThePermissionsOfAnyNewFile() throws IOException {
        assumePosix();
        Path plain = Files.createFile(folder.resolve("plain"));

        AtomicFiles.write(folder.resolve(NAME), bytes(new byte[] {1}));

        assertEquals(Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(folder.resolve(NAME)));
    }

    @Test
    void write_contentFailsWithIOException_targetUnchangedNoTemporaryAndTheTargetNamed()
            throws IOException {
        Path target = folder.resolve(NAME);
        byte[] before = checkpoint(8, SEED);
        AtomicFiles.write(target, bytes(before));
        IOException full = new IOException("disk full");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(checkpoint(32, SEED + 1), 0, 1000);
            throw full;
        }));

        assertSame(full, e.getCause());
        assertTrue(e.getMessage().startsWith("AtomicFiles.write: cannot write " + target
                + " (while writing the temporary file " + folder + "/." + NAME + "."),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(".tmp): disk full; the file is unchanged"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of(NAME), TestFiles.names(folder));
    }

    @Test
    void write_contentFailsWithUncheckedException_propagatesItAndLeavesNoTemporary()
            throws IOException {
        Path target = folder.resolve(NAME);
        AtomicFiles.write(target, bytes(new byte[] {7}));
        IllegalStateException bug = new IllegalStateException("a bug in the content");

        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[100]);
                    throw bug;
                })));

        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(List.of(NAME), TestFiles.names(folder));
    }

    /**
     * A temporary file that cannot be removed after a failed write: the failure is thrown, and
     * the removal's own failure travels with it as a suppressed exception. The content swaps
     * its temporary file for a folder that is not empty, which no delete removes.
     */
    @Test
    void write_temporaryCannotBeRemovedAfterAFailure_addsTheRemovalFailureAsSuppressed()
            throws IOException {
        Path target = folder.resolve(NAME);
        IOException full = new IOException("disk full");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            List<String> names = TestFiles.names(folder);
            assertEquals(1, names.size(), names.toString());
            Path temp = folder.resolve(names.get(0));
            Files.delete(temp);
            Files.createDirectory(temp);
            Files.write(temp.resolve("kept"), new byte[] {1});
            throw full;
        }));

        assertSame(full, e.getCause());
        assertEquals(1, e.getSuppressed().length);
        assertEquals(DirectoryNotEmptyException.class,
                e.getSuppressed()[0].getClass());
    }

    /**
     * A file system without POSIX permissions (a zip file's): the target is written without
     * asking for any, as a POSIX request there would be refused.
     * (A zip file system renames without replacing, so only a new target is written here.)
     */
    @Test
    void write_fileSystemWithoutPermissions_writesTheTarget() throws IOException {
        Path zip = folder.resolve("archive.zip");
        try (FileSystem zipfs = FileSystems.newFileSystem(zip,
                Map.of("create", "true"))) {
            Path target = zipfs.getPath("/" + NAME);
            byte[] content = checkpoint(2, SEED);

            AtomicFiles.write(target, bytes(content));

            assertArrayEquals(content, Files.readAllBytes(target));
        }
    }

    @Test
    void write_missingFolder_throwsNamingTheTarget() {
        Path target = folder.resolve("no/such/" + NAME);

        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(target, bytes(new byte[] {1})));

        assertTrue(e.getMessage().startsWith("AtomicFiles.write: cannot write " + target
                + " (while creating a temporary file beside it): java.nio.file"
                + ".NoSuchFileException: "), e.getMessage());
    }

    @Test
    void write_fileSystemWithoutAtomicRename_warnsOnceAndReplaces() throws IOException {
        Path target = folder.resolve(NAME);
        AtomicFiles.write(target, bytes(new byte[] {1}));
        Logger logger = (Logger) LoggerFactory.getLogger(AtomicFiles.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            AtomicFiles.write(target, bytes(new byte[] {2}), (source, to, options) -> {
                if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                    throw new AtomicMoveNotSupportedException(source.toString(), to.toString(),
                            "not on this file system");
                }
                Files.move(source, to, options);
            });
        } finally {
            logger.detachAppender(log);
        }

        assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
        assertEquals(List.of(NAME), TestFiles.names(folder));
        assertEquals(1, log.list.size(), log.list.toString());
        ILoggingEvent warning = log.list.get(0);
        assertEquals(Level.WARN, warning.getLevel());
        assertTrue(warning.getFormattedMessage().contains(target + " cannot rename atomically"),
                warning.getFormattedMessage());
    }

    @Test
    void temporaryNames_matchOnlyThisTargetsRandomNames() {
        Pattern names = AtomicFiles.temporaryNames(Path.of("a+b.safetensors"));

        assertTrue(names.matcher(".a+b.safetensors.00ff00ff00ff00ff.tmp").matches());
        assertFalse(names.matcher(".aab.safetensors.00ff00ff00ff00ff.tmp").matches());
        assertFalse(names.matcher(".a+b.safetensors.00ff00ff.tmp").matches());
        assertFalse(names.matcher("a+b.safetensors").matches());
    }

    // ---------------------------------------------------------------- files and the child JVM

    private static void assumePosix() {
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
    }

    /** Sets a file's modification time to twice {@link AtomicFiles#STALE_AFTER} ago. */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()
                .minus(AtomicFiles.STALE_AFTER.multipliedBy(2))));
    }

    private List<Path> temporaries(Path target) throws IOException {
        Pattern names = AtomicFiles.temporaryNames(target);
        List<Path> found = new ArrayList<>();
        for (String name : TestFiles.names(folder)) {
            if (names.matcher(name).matches()) {
                found.add(folder.resolve(name));
            }
        }
        return found;
    }

    /** The java launcher of this JVM. */
    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Reads the child's output until {@code expected}; fails with all of it if it ends first. */
    private static void awaitLine(Process child, String expected) throws IOException {
        StringBuilder output = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            output.append(line).append('\n');
        }
        throw new AssertionError("the child ended before \"" + expected + "\":\n" + output);
    }
}
