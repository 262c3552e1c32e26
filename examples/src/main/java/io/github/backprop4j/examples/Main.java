package io.github.backprop4j.examples;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The launcher: {@code java -jar examples/target/backprop4j-examples.jar [example] [options]}.
 *
 * <p>Without an example it runs {@value #DEFAULT_EXAMPLE}. {@code --help} lists the examples;
 * {@code <example> --help} lists its options and their defaults. A run that diverges (NaN or
 * infinite loss), cannot write its plot or checkpoint, or is given a missing or unfit file
 * ({@link ExampleException}) prints one error line and exits with status 1; bad options print
 * the reason and the usage and exit with status 2. {@code predict} ({@link Predict}) uses a
 * checkpoint saved with {@code --save}.
 */
@Command(name = "backprop4j-examples",
        description = {"Trains one of the example networks and writes a plot of its loss,"
                + " or predicts with a trained one.",
            "Without an example, runs '" + Main.DEFAULT_EXAMPLE + "'."},
        synopsisSubcommandLabel = "[EXAMPLE]",
        commandListHeading = "%nCommands (an example, or predict):%n",
        footer = {"", "Run '<example> --help' for an example's options and their defaults,"
                + " 'predict --help' for predictions from a saved checkpoint."},
        subcommands = {
            Example01_FitALine.class,
            Example02_FitASine.class,
            Example03_FitASurface.class,
            Example04_SeveralOutputs.class,
            Example05_Diabetes.class,
            Example06_IrisClassifier.class,
            Example07_Xor.class,
            Example08_Spiral.class,
            Example09_Outliers.class,
            Example10_Optimizers.class,
            Example11_Overfitting.class,
            Predict.class
        })
public final class Main {

    /** The example that runs when none is named. */
    public static final String DEFAULT_EXAMPLE = "sine";

    @Option(names = {"-h", "--help"}, usageHelp = true,
            description = "show this help (the list of examples) and exit")
    private boolean help;

    private Main() {
    }

    /**
     * Runs the launcher and exits the JVM with its status.
     *
     * @param args an example's name and its options; none runs {@value #DEFAULT_EXAMPLE}
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /**
     * Runs the launcher without exiting: for tests and for the examples' own {@code main}.
     *
     * @param args an example's name and its options; none runs {@value #DEFAULT_EXAMPLE}
     * @return the exit status: 0 on success, 1 if training or writing failed, 2 for bad options
     */
    public static int execute(String... args) {
        return commandLine().execute(withDefault(args));
    }

    /**
     * The arguments to run: as given, or {@value #DEFAULT_EXAMPLE} when there are none.
     *
     * @param args the command-line arguments
     * @return {@code args}, or {@code [DEFAULT_EXAMPLE]} if it is empty
     */
    static String[] withDefault(String[] args) {
        return args.length == 0 ? new String[] {DEFAULT_EXAMPLE} : args;
    }

    /**
     * The arguments for one example: its name, then its options.
     *
     * @param example the example's name
     * @param args    its options
     * @return a new array {@code [example, args...]}
     */
    static String[] prepend(String example, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = example;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /**
     * The usage error for an option's value, in picocli's words, so that every command reports
     * a bad value alike: the message, then the usage, and exit status 2.
     *
     * @param spec    the command (or mixin) the option belongs to
     * @param option  the option, such as {@code "--lr"}
     * @param problem what is wrong, such as {@code "must be >= 0, got -1"}
     * @return the exception to throw
     */
    static ParameterException invalidValue(CommandSpec spec, String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option
                + "': " + problem);
    }

    /**
     * The launcher's command line, with its error handling, ready to {@code execute}; tests
     * redirect its output with {@code setOut} and {@code setErr}.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.getSubcommands().get("predict").getCommandSpec().usageMessage()
                .footer(Predict.footer(Predict.lessons(cmd.getCommandSpec())));
        cmd.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (e instanceof TrainingDivergedException || e instanceof ExampleException
                    || e instanceof UncheckedIOException) {
                command.getErr().println(command.getColorScheme().errorText("error: "
                        + e.getMessage()));
                return CommandLine.ExitCode.SOFTWARE;
            }
            throw e;
        });
        return cmd;
    }
}
