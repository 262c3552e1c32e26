package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.StateDictException;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Saves and loads a model, and optionally its optimizer, its learning-rate schedule and the
 * training step, as one safetensors file, so that training stopped at step k and resumed gives
 * bit for bit the weights of a run that never stopped.
 *
 * <pre>{@code
 * Checkpoint.save(path, model, optimizer, step);      // during training
 * long step = Checkpoint.load(path, model, optimizer); // model and optimizer built as before
 * Checkpoint.save(path, model, optimizer, schedule, step);   // with a schedule
 * step = Checkpoint.load(path, model, optimizer, schedule);
 * Checkpoint.save(path, model);                        // weights only: a PyTorch state dict
 * Checkpoint.load(path, model);                        // for prediction
 * }</pre>
 *
 * <h2>The file</h2>
 * <pre>
 *   tensors    the model's state dict     0.weight [8, 3], 0.bias [8], ...
 *              the optimizer's            optimizer.momentum_buffer.0.weight [8, 3], ...
 *   metadata   format = pt
 *              the training step          backprop4j.step = 1200   (with an optimizer only)
 *              the optimizer's            optimizer.type = sgd, optimizer.lr = 0.05, ...
 *              the schedule's, if any     scheduler.type = cosineannealinglr, ...
 * </pre>
 * A per-parameter optimizer tensor ({@code <kind>.<parameter name>}) is stored in the model's
 * layout for that parameter (see {@link Stateful#toFileLayout}), so it has the shape of the
 * parameter's own tensor. A file saved without an optimizer is nothing but the model's state
 * dict, which PyTorch loads with {@code load_state_dict(..., strict=True)}; a full checkpoint
 * loads there too once the {@code optimizer.} names are left out. {@code docs/checkpoints.md}
 * lists every name and key.
 *
 * <h2>Safety</h2>
 * Saving is atomic ({@link SafetensorsWriter#write(StateDict, Path)}, through
 * {@link AtomicFiles}): a failure or a kill part way leaves an existing file as it was, and a
 * checkpoint's POSIX permissions survive a new save of it. Loading checks the model and the
 * optimizer before it changes either, and lists every problem in one
 * {@link StateDictException}; after a failure both are as they were.
 */
public final class Checkpoint {

    /** The namespace of the optimizer's tensors and metadata keys in a checkpoint. */
    public static final String OPTIMIZER_PREFIX = "optimizer.";

    /** The namespace of a learning-rate schedule's metadata keys (and tensors) in a checkpoint. */
    public static final String SCHEDULER_PREFIX = "scheduler.";

    /** The metadata key of the training step, given to {@code save} and returned by {@code load}. */
    public static final String STEP_KEY = "backprop4j.step";

    /** The metadata key that safetensors' PyTorch loader expects, with value {@code "pt"}. */
    public static final String FORMAT_KEY = "format";

    private Checkpoint() {
    }

    // ---------------------------------------------------------------- saving

    /**
     * Saves the model's state dict alone, atomically: a file PyTorch loads as it is.
     *
     * @param path  the target file; its folder must exist; replaced if it exists
     * @param model the model
     * @throws IOException if the file system fails; an existing file is then unchanged
     */
    public static void save(Path path, Stateful model) throws IOException {
        Objects.requireNonNull(model, "Checkpoint.save: model must not be null");
        SafetensorsWriter.write(modelFile(model.stateDict()), checkPath("save", path));
    }

    /**
     * Saves the model, the optimizer and the training step, atomically.
     *
     * @param path      the target file; its folder must exist; replaced if it exists
     * @param model     the model
     * @param optimizer the optimizer training it
     * @param step      the training step reached, {@code >= 0}; returned by
     *                  {@link #load(Path, Stateful, Stateful)}
     * @throws IOException if the file system fails; an existing file is then unchanged
     */
    public static void save(Path path, Stateful model, Stateful optimizer, long step)
            throws IOException {
        save(path, model, optimizer, step, UnaryOperator.identity());
    }

    /**
     * {@link #save(Path, Stateful, Stateful, long)} with the bytes sent through {@code wrap}: the
     * seam through which a test makes the writing fail part way.
     */
    static void save(Path path, Stateful model, Stateful optimizer, long step,
                     UnaryOperator<WritableByteChannel> wrap) throws IOException {
        SafetensorsWriter.write(checkpointFile(model, optimizer, null, step),
                checkPath("save", path), wrap);
    }

    /**
     * Saves the model, the optimizer, its learning-rate schedule and the training step,
     * atomically. The schedule's state goes under {@value #SCHEDULER_PREFIX}; load the file with
     * {@link #load(Path, Stateful, Stateful, Stateful)}.
     *
     * @param path      the target file; its folder must exist; replaced if it exists
     * @param model     the model
     * @param optimizer the optimizer training it
     * @param scheduler the schedule setting the optimizer's learning rate
     * @param step      the training step reached, {@code >= 0}
     * @throws IOException if the file system fails; an existing file is then unchanged
     */
    public static void save(Path path, Stateful model, Stateful optimizer, Stateful scheduler,
                            long step) throws IOException {
        Objects.requireNonNull(scheduler, "Checkpoint.save: scheduler must not be null");
        SafetensorsWriter.write(checkpointFile(model, optimizer, scheduler, step),
                checkPath("save", path));
    }

    /** The model's state dict with {@code format = pt} first in its metadata. */
    private static StateDict modelFile(StateDict model) {
        StateDict.Builder b = StateDict.builder().metadata(FORMAT_KEY, "pt");
        model.tensors().forEach(b::put);
        return b.metadata(model.metadata()).build();
    }

    /**
     * The model's tensors, then the optimizer's under {@value #OPTIMIZER_PREFIX}, then the
     * schedule's (if not null) under {@value #SCHEDULER_PREFIX}.
     */
    static StateDict checkpointFile(Stateful model, Stateful optimizer, Stateful scheduler,
                                    long step) {
        Objects.requireNonNull(model, "Checkpoint.save: model must not be null");
        Objects.requireNonNull(optimizer, "Checkpoint.save: optimizer must not be null");
        if (step < 0) {
            throw new IllegalArgumentException("Checkpoint.save: step must be >= 0, got " + step);
        }
        StateDict modelState = model.stateDict();
        StateDict optimizerState = optimizer.stateDict();
        StateDict.Builder b = StateDict.builder().metadata(FORMAT_KEY, "pt");
        modelState.tensors().forEach(b::put);
        b.metadata(modelState.metadata()).metadata(STEP_KEY, Long.toString(step));
        optimizerState.tensors().forEach((name, tensor) -> {
            String parameter = parameterOf(name);
            Tensor stored = parameter != null && modelState.contains(parameter)
                    ? model.toFileLayout(parameter, tensor.matrix()) : tensor;
            b.put(OPTIMIZER_PREFIX + name, stored);
        });
        optimizerState.metadata().forEach((key, value) ->
                b.metadata(OPTIMIZER_PREFIX + key, value));
        if (scheduler != null) {
            StateDict schedulerState = scheduler.stateDict();
            schedulerState.tensors().forEach((name, t) -> b.put(SCHEDULER_PREFIX + name, t));
            schedulerState.metadata().forEach((key, value) ->
                    b.metadata(SCHEDULER_PREFIX + key, value));
        }
        return b.build();
    }

    /** The parameter name of an optimizer tensor named {@code <kind>.<parameter>}, or null. */
    private static String parameterOf(String optimizerTensor) {
        int dot = optimizerTensor.indexOf('.');
        return dot < 0 ? null : optimizerTensor.substring(dot + 1);
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads the model's parameters from a state dict or a checkpoint, all or nothing.
     *
     * <p>The file must hold exactly the model's names and shapes. In a checkpoint saved with an
     * optimizer, the {@value #OPTIMIZER_PREFIX} namespace is ignored, and only then; likewise
     * {@value #SCHEDULER_PREFIX} in one saved with a schedule. F32 files
     * load too, each value widened exactly to a double.
     *
     * @param path  a file written by {@link #save} or by PyTorch
     * @param model the model to load into
     * @return the training step stored in the file, or 0 for a file without one
     * @throws StateDictException         if the file does not fit the model; lists every problem,
     *                                    and the model is unchanged
     * @throws SafetensorsFormatException if the file is not a valid safetensors file
     * @throws IOException                if the file cannot be read
     */
    public static long load(Path path, Stateful model) throws IOException {
        Objects.requireNonNull(model, "Checkpoint.load: model must not be null");
        StateDict file = SafetensorsReader.read(checkPath("load", path));
        List<String> problems = new ArrayList<>();
        long step = file.metadata().containsKey(STEP_KEY) ? step(file, problems) : 0;
        StateDict modelState = file;
        if (hasPart(file, OPTIMIZER_PREFIX)) {
            modelState = without(modelState, OPTIMIZER_PREFIX);
        }
        if (hasPart(file, SCHEDULER_PREFIX)) {
            modelState = without(modelState, SCHEDULER_PREFIX);
        }
        problems.addAll(model.checkStateDict(modelState));
        if (!problems.isEmpty()) {
            throw new StateDictException("Checkpoint.load(" + path + "): file must fit the model",
                    problems);
        }
        model.loadStateDict(modelState);
        return step;
    }

    /**
     * Loads the model, the optimizer and the training step from a checkpoint saved by
     * {@link #save(Path, Stateful, Stateful, long)}, all or nothing: both are checked before
     * either changes. Model and optimizer must have been built as the saved ones were (the same
     * layers; the optimizer's fixed options), so that training resumes exactly. A checkpoint saved
     * with a schedule is refused here: resuming it without the schedule would not be the same
     * run; load it with {@link #load(Path, Stateful, Stateful, Stateful)}.
     *
     * @param path      a checkpoint with optimizer state
     * @param model     the model to load into
     * @param optimizer the optimizer of that model, to load into
     * @return the training step that was saved
     * @throws StateDictException         listing every problem (in the model, the optimizer or
     *                                    the step, or a file without optimizer state); model and
     *                                    optimizer are unchanged
     * @throws SafetensorsFormatException if the file is not a valid safetensors file
     * @throws IOException                if the file cannot be read
     */
    public static long load(Path path, Stateful model, Stateful optimizer) throws IOException {
        return load(path, model, optimizer, null, "the optimizer");
    }

    /**
     * Loads the model, the optimizer, its schedule and the training step from a checkpoint saved
     * by {@link #save(Path, Stateful, Stateful, Stateful, long)}, all or nothing: the three are
     * checked before any changes. The schedule must be of the saved type with the same fixed
     * options (its period, its factor); its epoch count and base rate are restored.
     *
     * @param path      a checkpoint with optimizer and schedule state
     * @param model     the model to load into
     * @param optimizer the optimizer of that model, to load into
     * @param scheduler the optimizer's schedule, to load into
     * @return the training step that was saved
     * @throws StateDictException         listing every problem (schedule problems prefixed
     *                                    {@code scheduler:}, and a file without schedule state);
     *                                    all three are unchanged
     * @throws SafetensorsFormatException if the file is not a valid safetensors file
     * @throws IOException                if the file cannot be read
     */
    public static long load(Path path, Stateful model, Stateful optimizer, Stateful scheduler)
            throws IOException {
        Objects.requireNonNull(scheduler, "Checkpoint.load: scheduler must not be null");
        return load(path, model, optimizer, scheduler, "the optimizer and the schedule");
    }

    private static long load(Path path, Stateful model, Stateful optimizer, Stateful scheduler,
                             String what) throws IOException {
        Objects.requireNonNull(model, "Checkpoint.load: model must not be null");
        Objects.requireNonNull(optimizer, "Checkpoint.load: optimizer must not be null");
        StateDict file = SafetensorsReader.read(checkPath("load", path));
        List<String> problems = new ArrayList<>();
        if (!hasPart(file, OPTIMIZER_PREFIX)) {
            problems.add("the file must hold optimizer state (names and metadata keys under \""
                    + OPTIMIZER_PREFIX + "\"), got a model state dict alone; load it with"
                    + " load(path, model)");
        }
        boolean scheduled = hasPart(file, SCHEDULER_PREFIX);
        if (scheduler == null && scheduled) {
            problems.add("the file holds a schedule's state (keys under \"" + SCHEDULER_PREFIX
                    + "\", type " + file.metadata().get(SCHEDULER_PREFIX + "type") + "), got no"
                    + " schedule to load it into; load it with load(path, model, optimizer,"
                    + " scheduler)");
        } else if (scheduler != null && !scheduled) {
            problems.add("the file must hold a schedule's state (keys under \""
                    + SCHEDULER_PREFIX + "\"), got none: it was saved without a schedule");
        }
        long step = step(file, problems);
        StateDict modelState = without(without(file, OPTIMIZER_PREFIX), SCHEDULER_PREFIX);
        StateDict optimizerState = optimizerPart(file, model, modelState);
        StateDict schedulerState = part(file, SCHEDULER_PREFIX);
        problems.addAll(model.checkStateDict(modelState));
        if (hasPart(file, OPTIMIZER_PREFIX)) {
            for (String p : optimizer.checkStateDict(optimizerState)) {
                problems.add("optimizer: " + p);
            }
        }
        if (scheduler != null && scheduled) {
            for (String p : scheduler.checkStateDict(schedulerState)) {
                problems.add("scheduler: " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new StateDictException("Checkpoint.load(" + path + "): file must fit the model"
                    + " and " + what, problems);
        }
        model.loadStateDict(modelState);
        optimizer.loadStateDict(optimizerState);
        if (scheduler != null) {
            scheduler.loadStateDict(schedulerState);
        }
        return step;
    }

    /** The training step, or 0 with a problem added if it is missing or malformed. */
    private static long step(StateDict file, List<String> problems) {
        String text = file.metadata().get(STEP_KEY);
        if (text == null) {
            problems.add("metadata \"" + STEP_KEY + "\" must be present, got none");
            return 0;
        }
        try {
            long step = Long.parseLong(text);
            if (step >= 0) {
                return step;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("metadata \"" + STEP_KEY + "\" must be a whole number >= 0, got \"" + text
                + "\"");
        return 0;
    }

    /**
     * Whether any metadata key is in the namespace {@code prefix}: a checkpoint with an optimizer
     * ({@value #OPTIMIZER_PREFIX}) or a schedule ({@value #SCHEDULER_PREFIX}).
     */
    private static boolean hasPart(StateDict file, String prefix) {
        for (String key : file.metadata().keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The file without the tensors and metadata under {@code prefix}; matrices are shared. */
    private static StateDict without(StateDict file, String prefix) {
        StateDict.Builder b = StateDict.builder();
        file.tensors().forEach((name, t) -> {
            if (!name.startsWith(prefix)) {
                b.put(name, t);
            }
        });
        file.metadata().forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                b.metadata(key, value);
            }
        });
        return b.build();
    }

    /** The tensors and metadata under {@code prefix}, with the prefix removed. */
    private static StateDict part(StateDict file, String prefix) {
        StateDict.Builder b = StateDict.builder();
        file.tensors().forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                b.put(name.substring(prefix.length()), t);
            }
        });
        file.metadata().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                b.metadata(key.substring(prefix.length()), value);
            }
        });
        return b.build();
    }

    /**
     * The optimizer's tensors and metadata with the prefix removed, each per-parameter tensor
     * turned back from the model's file layout into the parameter's layout.
     */
    private static StateDict optimizerPart(StateDict file, Stateful model,
                                            StateDict modelState) {
        StateDict stored = part(file, OPTIMIZER_PREFIX);
        StateDict.Builder b = StateDict.builder();
        stored.tensors().forEach((name, t) -> {
            String parameter = parameterOf(name);
            b.put(name, parameter != null && modelState.contains(parameter)
                    ? Tensor.of(model.fromFileLayout(parameter, t)) : t);
        });
        return b.metadata(stored.metadata()).build();
    }

    private static Path checkPath(String op, Path path) {
        return Objects.requireNonNull(path, "Checkpoint." + op + ": path must not be null");
    }
}
