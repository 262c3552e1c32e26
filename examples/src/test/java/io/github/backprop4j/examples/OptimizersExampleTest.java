package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 10: six optimizers on lesson 2's sine, a table and one plot, reproducibly. */
class OptimizersExampleTest {

    private static final int EPOCHS = 20;
    private static final long SEED = 42;
    private static final List<String> NAMES = List.of("SGD", "SGD + momentum", "Nesterov",
            "RMSprop", "Adam", "AdamW");

    @TempDir
    Path dir;

    @Test
    void compare_sameSeedTwice_givesBitIdenticalRuns() {
        List<Example10_Optimizers.Run> first = Example10_Optimizers.compare(EPOCHS, SEED);
        List<Example10_Optimizers.Run> second = Example10_Optimizers.compare(EPOCHS, SEED);

        assertEquals(NAMES, first.stream().map(Example10_Optimizers.Run::optimizer).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).lossHistory(), second.get(i).lossHistory(), 0.0);
            assertEquals(first.get(i).trainingMse(), second.get(i).trainingMse(), 0.0);
            assertEquals(EPOCHS, first.get(i).lossHistory().length);
        }
        assertEquals(Example10_Optimizers.table(first), Example10_Optimizers.table(second));
    }

    @Test
    void compare_momentumRow_isLessonTwosRunExactly() {
        Example10_Optimizers.Run momentum = Example10_Optimizers.compare(EPOCHS, SEED).get(1);

        TrainingResult sine = Example02_FitASine.train(Example02_FitASine.DEFAULTS
                .withEpochs(EPOCHS).withSeed(SEED));

        assertArrayEquals(sine.lossHistory(), momentum.lossHistory(), 0.0);
        assertEquals(sine.metric("training MSE"), momentum.trainingMse(), 0.0);
    }

    @Test
    void launcher_printsAHeaderARuleAndOneRowOfFiveCellsPerOptimizer_andWritesThePlot()
            throws IOException {
        Launcher launcher = new Launcher();
        Path plot = dir.resolve("optimizers.png");

        launcher.succeeds("optimizers", "--epochs", "3", "--plot", plot.toString());

        List<String> table = launcher.out().lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + NAMES.size(), table.size(), launcher.out());
        assertEquals("| optimizer | lr | loss, epoch 1 | loss, last epoch | training MSE |",
                table.get(0));
        for (int i = 0; i < NAMES.size(); i++) {
            String[] cells = table.get(2 + i).split("\\|");
            assertEquals(6, cells.length, table.get(2 + i));   // "" then five cells
            assertEquals(NAMES.get(i), cells[1].strip());
            for (int c = 3; c <= 5; c++) {
                double loss = Double.parseDouble(cells[c].strip());
                assertTrue(loss > 0 && Double.isFinite(loss), table.get(2 + i));
            }
        }
        byte[] png = Files.readAllBytes(plot);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
