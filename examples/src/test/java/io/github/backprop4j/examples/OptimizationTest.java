package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.AdamW;
import io.github.backprop4j.optim.CosineAnnealingLR;
import io.github.backprop4j.optim.ExponentialLR;
import io.github.backprop4j.optim.RMSprop;
import io.github.backprop4j.optim.SGD;
import io.github.backprop4j.optim.StepLR;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code --optimizer}, {@code --schedule} and {@code --clip} build, and their defaults. */
class OptimizationTest {

    private static final Hyperparameters H = new Hyperparameters(30, 0.1, 0.9, 8, 1);

    private static List<Parameter> parameters() {
        return List.of(new Parameter("w", Matrix.of(new double[][] {{1, 2}, {3, 4}})));
    }

    /** The hyperparameters the launcher's options give for {@code args} of lesson "sine". */
    private static Hyperparameters parsed(String... args) {
        CommandLine cmd = Main.commandLine();
        String[] all = Main.prepend("sine", args);
        CommandLine.ParseResult result = cmd.parseArgs(all);
        CommandLine sine = result.subcommand().commandSpec().commandLine();
        TrainingOptions options = (TrainingOptions) sine.getCommandSpec().mixins()
                .get("options").userObject();
        return options.hyperparameters();
    }

    @Test
    void of_eachAlgorithm_buildsItsOptimizerAtTheGivenRate() {
        assertInstanceOf(SGD.class, Optimization.of(H, parameters()).optimizer());
        for (Optimization.Algorithm a : Optimization.Algorithm.values()) {
            Optimization o = Optimization.of(H.withOptimizer(a, 0.02), parameters());
            assertEquals(0.02, o.optimizer().learningRate(), 0.0, a.optionName());
            assertNull(o.schedule());
        }
        assertInstanceOf(Adam.class, Optimization.of(H.withOptimizer(Optimization.Algorithm.ADAM,
                1e-3), parameters()).optimizer());
        assertInstanceOf(AdamW.class, Optimization.of(H.withOptimizer(
                Optimization.Algorithm.ADAMW, 1e-3), parameters()).optimizer());
        assertInstanceOf(RMSprop.class, Optimization.of(H.withOptimizer(
                Optimization.Algorithm.RMSPROP, 1e-3), parameters()).optimizer());
    }

    @Test
    void of_eachSchedule_spansTheRunsEpochsUnlessToldOtherwise() {
        StepLR step = (StepLR) Optimization.of(H.withSchedule(Optimization.Schedule.STEP, 0),
                parameters()).schedule();
        ExponentialLR exp = (ExponentialLR) Optimization.of(H.withSchedule(
                Optimization.Schedule.EXP, 0), parameters()).schedule();
        CosineAnnealingLR cosine = (CosineAnnealingLR) Optimization.of(H.withSchedule(
                Optimization.Schedule.COSINE, 12), parameters()).schedule();

        assertEquals(10, step.stepSize());
        assertEquals(0.1, step.gamma(), 0.0);
        assertEquals(0.01, Math.pow(exp.gamma(), 30), 1e-15);
        assertEquals(12, cosine.tMax());
        assertEquals(0.0, cosine.etaMin(), 0.0);
    }

    @Test
    void stepAndEndEpoch_clipThenStepThenSchedule() {
        List<Parameter> params = parameters();
        params.get(0).grad().set(0, 0, 30);
        params.get(0).grad().set(1, 1, 40);                      // norm 50
        Optimization o = Optimization.of(H.withMomentum(0).withClip(5)
                .withSchedule(Optimization.Schedule.STEP, 3), params);

        o.step();
        o.endEpoch();

        // clipped to norm 5: (3, 4), times the factor 5/(50 + 1e-6); then w ← w − 0.1·g
        double factor = 5 / (50 + 1e-6);
        assertEquals(1 - 0.1 * 30 * factor, params.get(0).value().get(0, 0), 1e-15);
        assertEquals(4 - 0.1 * 40 * factor, params.get(0).value().get(1, 1), 1e-15);
        assertEquals(0.1 * 0.1, o.optimizer().learningRate(), 1e-18, "stepSize 1 of T = 3");
    }

    @Test
    void options_learningRateNotGiven_isTheLessonsForSgdAndAThousandthForTheOthers() {
        assertEquals(Example02_FitASine.DEFAULTS, parsed());
        assertEquals(1e-3, parsed("--optimizer", "adam").learningRate(), 0.0);
        assertEquals(1e-3, parsed("--optimizer", "adamw").learningRate(), 0.0);
        assertEquals(1e-3, parsed("--optimizer", "rmsprop").learningRate(), 0.0);
        assertEquals(0.05, parsed("--optimizer", "adam", "--lr", "0.05").learningRate(), 0.0);
        Hyperparameters h = parsed("--schedule", "cosine", "--clip", "2");
        assertEquals(Optimization.Schedule.COSINE, h.schedule());
        assertEquals(500, h.scheduleLength());
        assertEquals(2.0, h.clip(), 0.0);
    }

    @Test
    void options_momentumWithAdam_isRefused() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> parsed("--optimizer", "adam", "--momentum", "0.5"));

        assertEquals("Invalid value for option '--momentum': applies to --optimizer sgd only,"
                + " got adam", e.getMessage());
    }
}
