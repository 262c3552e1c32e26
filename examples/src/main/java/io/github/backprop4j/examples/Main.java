package io.github.backprop4j.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The launcher: {@code java -jar examples/target/backprop4j-examples.jar [example] [options]}.
 *
 * <p>Without an example name it runs {@value #DEFAULT_EXAMPLE}, with any options given
 * ({@code --epochs 10} alone trains the sine for 10 epochs). {@code --help} lists the examples;
 * {@code <example> --help} lists its options and their defaults. A run that diverges (NaN or
 * infinite loss), cannot write its plot or checkpoint, or is given a missing or unfit file
 * ({@link ExampleException}) prints one error line and exits with status 1; a bad command line
 * prints one error line and where to find help, and exits with status 2:
 * <pre>
 * error: Invalid value for option '--lr': must be positive and finite, got NaN
 * Run 'backprop4j-examples sine --help' for its options.
 * </pre>
 * {@code predict} ({@link Predict}) uses a checkpoint saved with {@code --save}.
 */
@Command(name = "backprop4j-examples",
        description = {"Trains one of the example networks and writes a plot of its loss,"
                + " or predicts with a trained one.",
            "Without an example name, runs '" + Main.DEFAULT_EXAMPLE + "' with the options"
                    + " given."},
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
     * The arguments to run: as given, or preceded by {@value #DEFAULT_EXAMPLE} when they name no
     * command (none at all, or options only, other than the launcher's own {@code --help}).
     *
     * @param args the command-line arguments
     * @return {@code args}, or {@code [DEFAULT_EXAMPLE, args...]}
     */
    static String[] withDefault(String[] args) {
        boolean named = args.length > 0 && (!args[0].startsWith("-")
                || args[0].equals("-h") || args[0].equals("--help"));
        return named ? args : prepend(DEFAULT_EXAMPLE, args);
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
     * a bad value alike: the message, then where to find help, and exit status 2.
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
     * A number as the options take it: Java's decimal and scientific forms, and NaN and infinity
     * in any case ({@code nan}, {@code NaN}, {@code inf}, {@code -Infinity}), so that the
     * option's own check reports them alike.
     *
     * @param text the option's value
     * @return the number
     * @throws CommandLine.TypeConversionException if it is not a number
     */
    static Double number(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (magnitude.equals("nan")) {
            return Double.NaN;
        }
        if (magnitude.equals("inf") || magnitude.equals("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
        }
    }

    /**
     * Reports a bad command line in one line, then where to find help, instead of the whole
     * usage; an unknown first word is named as an unknown example.
     *
     * @return {@link CommandLine.ExitCode#USAGE}
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (!first.startsWith("-") && command.getParent() == null) {
                message = "unknown example '" + first + "': expected one of "
                        + String.join(", ", command.getSubcommands().keySet());
            } else if (first.startsWith("-")) {
                List<String> close = unmatched.getSuggestions();
                message = "unknown option '" + first + "'" + (close.isEmpty() ? ""
                        : "; did you mean " + String.join(" or ",
                                close.subList(0, Math.min(3, close.size()))) + "?");
            }
        }
        err.println(command.getColorScheme().errorText("error: " + message));
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for "
                + (command.getParent() == null ? "the examples." : "its options."));
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * The launcher's command line, with its error handling, ready to {@code execute}; tests
     * redirect its output with {@code setOut} and {@code setErr}.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.registerConverter(Double.class, Main::number);
        cmd.registerConverter(Double.TYPE, Main::number);
        cmd.setParameterExceptionHandler(Main::usageError);
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
