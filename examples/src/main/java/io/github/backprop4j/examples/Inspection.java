package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.inspect.Diagnostics;
import io.github.backprop4j.train.inspect.NetworkDiagram;
import io.github.backprop4j.train.inspect.StepTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --trace}, {@code --diagnose} and {@code --diagram}: looking inside a lesson's training,
 * mixed into every example's command.
 *
 * <ul>
 *   <li>{@code --trace} runs one training step on the first two training samples, prints every
 *       value it computes ({@link StepTrace}) and stops: nothing is trained, saved or plotted.
 *       The step is the lesson's own (its network, loss and optimizer, after {@code --load} if
 *       given), taken by the optimizer alone: {@code --clip} and {@code --schedule} do not
 *       enter it.</li>
 *   <li>{@code --diagnose} trains as usual and logs the loss at initialisation next to its
 *       expected value, then, with the progress lines, a {@link Diagnostics} report of the
 *       epochs since the last: each layer's activations and dead units, each parameter's
 *       gradient norm and update/weight ratio, and a warning for each value out of its healthy
 *       range ({@code docs/diagnostics.md}).</li>
 * </ul>
 * Without either, nothing here is called during training. {@code --diagram FILE} draws the
 * network before training ({@link NetworkDiagram}, through Graphviz's {@code dot}).
 *
 * <p>A lesson hands its run over in one call, just before its loop, which {@link Checkpoints}
 * passes on here:
 * <pre>{@code
 * // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
 * checkpoints.resume(model, lossFunction, optimization, loader, rng);
 * }</pre>
 */
public final class Inspection {

    private static final Logger LOG = LoggerFactory.getLogger(Inspection.class);
    /** The rows of the traced batch: enough to show that gradients sum over samples. */
    static final int TRACED_SAMPLES = 2;
    /** The rows and columns of each matrix the trace shows: lines of about 80 characters. */
    static final int SHOWN = 6;
    /** About this many diagnostics reports per run, as many as progress lines. */
    private static final int REPORTS = 10;

    @Option(names = "--trace",
            description = "run one training step on the first 2 training samples, print each"
                    + " layer's input and output, every gradient and the optimizer's update,"
                    + " and stop (nothing is trained, saved or plotted)")
    private boolean trace;

    @Option(names = "--diagnose",
            description = "log the loss at initialisation next to its expected value, and about"
                    + " ten times per run each layer's activations and dead units and each"
                    + " parameter's gradient norm and update/weight ratio, with warnings")
    private boolean diagnose;

    @Option(names = "--diagram", paramLabel = "FILE",
            description = "before training, draw the network (each layer with its output shape"
                    + " and parameter count) into this PNG file; needs Graphviz's dot program")
    private Path diagram;

    private String example = "example";
    private int epochs;
    private PrintWriter out = new PrintWriter(System.out, true);

    /** Neither tracing nor diagnosing, until the options say so. */
    public Inspection() {
    }

    /**
     * Whether {@code --trace} was given: the launcher then runs the lesson for 0 epochs and
     * skips its summary, plot and checkpoint.
     *
     * @return true to trace one step and stop
     */
    public boolean trace() {
        return trace;
    }

    /**
     * Whether {@code --diagnose} was given.
     *
     * @return true to log diagnostics while training
     */
    public boolean diagnose() {
        return diagnose;
    }

    /**
     * Names the run, for log lines, its length, for the reports' interval, and where the trace
     * goes.
     *
     * @param exampleName the example's name
     * @param runEpochs   the epochs the run trains
     * @param output      the command's standard output
     */
    void begin(String exampleName, int runEpochs, PrintWriter output) {
        this.example = exampleName;
        this.epochs = runEpochs;
        this.out = output;
    }

    /**
     * Called by the lesson through {@link Checkpoints#resume(Sequential, Loss, Optimization,
     * io.github.backprop4j.data.Batches, java.util.random.RandomGenerator)} just before its
     * loop: with {@code --diagram} draws the network, with {@code --trace} prints the traced
     * step, with {@code --diagnose} logs the loss at initialisation and hooks the diagnostics
     * into the optimization's steps.
     *
     * @param model        the lesson's network
     * @param loss         its loss
     * @param optimization its optimization
     * @param data         its training data
     * @throws ExampleException if the diagram cannot be drawn (Graphviz missing, or the file
     *                          not writable), saying why
     */
    void start(Sequential model, Loss loss, Optimization optimization, Dataset data) {
        if (diagram != null) {
            try {
                new NetworkDiagram().writePng(model, data.featureCount(), diagram);
            } catch (IOException e) {
                throw new ExampleException(example + ": " + e.getMessage(), e);
            }
            LOG.info("{}: network diagram written to {}", example, diagram);
        }
        if (trace) {
            int rows = Math.min(TRACED_SAMPLES, data.size());
            Matrix x = firstRows(data.features(), rows);
            Matrix y = firstRows(data.targets(), rows);
            out.print(StepTrace.run(model, loss, optimization.optimizer(), x, y)
                    .format(SHOWN));
            out.flush();
        } else if (diagnose) {
            LOG.info("{}: {}", example, Diagnostics.initialLoss(model, loss, data.features(),
                    data.targets()));
            optimization.diagnose(new Diagnosis(model, Math.max(1, epochs / REPORTS)));
        }
    }

    private static Matrix firstRows(Matrix m, int rows) {
        Matrix first = Matrix.zeros(rows, m.cols());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m.cols(); j++) {
                first.set(i, j, m.get(i, j));
            }
        }
        return first;
    }

    /**
     * {@link Diagnostics} in a lesson's loop: {@link Optimization#step()} calls the three step
     * hooks, {@link Optimization#endEpoch()} calls {@link #endEpoch()}, which logs a report
     * every {@code every} epochs.
     */
    final class Diagnosis {

        private final Diagnostics diagnostics;
        private final int every;
        private int epoch;

        Diagnosis(Sequential model, int every) {
            this.diagnostics = new Diagnostics(model);
            this.every = every;
            diagnostics.start();
        }

        void afterBackward() {
            diagnostics.afterBackward();
        }

        void beforeStep() {
            diagnostics.beforeStep();
        }

        void afterStep() {
            diagnostics.afterStep();
        }

        void endEpoch() {
            epoch++;
            if (epoch == 1 || epoch % every == 0 || epoch == epochs) {
                Diagnostics.Report report = diagnostics.report();
                LOG.info("{} epoch {}: {}", example, epoch, report.table().stripTrailing());
                for (String warning : report.warnings()) {
                    LOG.warn("{} epoch {}: {}", example, epoch, warning);
                }
            }
            if (epoch == epochs) {
                diagnostics.stop();
            }
        }
    }
}
