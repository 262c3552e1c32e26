package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {

    private static final long SECOND = 1_000_000_000L;

    private static EpochResult epoch(int e) {
        return new EpochResult(e, e, 0.1, Map.of("loss", 0.5));
    }

    @Test
    void isLong_extrapolatesTheTimeSoFar() {
        assertFalse(ProgressListener.isLong(SECOND, 1, 3));      // 3 s: not more than 3 s
        assertTrue(ProgressListener.isLong(SECOND, 1, 4));       // 4 s
        assertTrue(ProgressListener.isLong(SECOND + 1, 1, 3));
        assertFalse(ProgressListener.isLong(2 * SECOND, 2, 3));  // 1 s per epoch
    }

    @Test
    void isLong_notBeforeOneSecond() {
        assertFalse(ProgressListener.isLong(SECOND - 1, 1, 1000));
        assertTrue(ProgressListener.isLong(SECOND, 1, 1000));
    }

    /** A clock that moves {@code step} nanoseconds at every reading. */
    private static java.util.function.LongSupplier clock(long step) {
        long[] now = {0};
        return () -> now[0] += step;
    }

    @Test
    void notATerminal_neverShows() {
        ProgressListener p = new ProgressListener(false, clock(10 * SECOND), null);
        p.onTrainingStart(null, null, 100);
        p.onEpochEnd(epoch(1));
        assertFalse(p.showing());
    }

    @Test
    void terminal_shortRun_doesNotShow() {
        ProgressListener p = new ProgressListener(true, clock(SECOND / 1000), null);
        p.onTrainingStart(null, null, 100);
        p.onEpochEnd(epoch(1));
        p.onEpochEnd(epoch(2));
        assertFalse(p.showing());
    }

    @Test
    void terminal_longRun_showsAfterTheFirstEpoch_untilClosed() {
        List<String> drawn = new CopyOnWriteArrayList<>();
        ProgressListener p = new ProgressListener(true, clock(SECOND),
                new DelegatingProgressBarConsumer(drawn::add, 80));
        p.onTrainingStart(null, null, 10);
        p.onEpochEnd(epoch(1));
        assertTrue(p.showing());
        p.onEpochEnd(new EpochResult(2, 2, 0.1, Map.of("loss", 0.5, "val_loss", 0.25)));
        p.close();
        assertFalse(p.showing());
        assertFalse(drawn.isEmpty());
        String last = drawn.get(drawn.size() - 1);
        assertTrue(last.contains("2/10"), last);
        assertTrue(last.contains("loss 0.5000 val 0.2500"), last);
        p.close();
        assertFalse(p.showing());
    }

    @Test
    void terminal_elapsedTimeCountsFromTheStart() {
        // readings 1 s (start) and 2 s: one epoch took 1 s, three take 3 s, not more
        ProgressListener p = new ProgressListener(true, clock(SECOND), null);
        p.onTrainingStart(null, null, 3);
        p.onEpochEnd(epoch(1));
        assertFalse(p.showing());
    }

    @Test
    void terminal_lastEpoch_startsNoBar() {
        ProgressListener p = new ProgressListener(true, clock(10 * SECOND), null);
        p.onTrainingStart(null, null, 1);
        p.onEpochEnd(epoch(1));
        assertFalse(p.showing());
    }
}
