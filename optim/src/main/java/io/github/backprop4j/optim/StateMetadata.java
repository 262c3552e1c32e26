package io.github.backprop4j.optim;

import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metadata of an optimizer's or a schedule's state dict, written and checked in one place:
 * the type, a learning rate, the fixed options, and a count, in that order.
 * {@link AbstractOptimizer} and {@link AbstractLRScheduler} each keep one; they differ only in
 * the names of the rate and the count and in the tensors beside them.
 *
 * <pre>
 *   type          the owner's name in lower case: "sgd", "adamw", "steplr"
 *   &lt;rate&gt;        a learning rate, finite and &gt;= 0 (restored): "lr", or a schedule's "base_lr"
 *   &lt;option&gt;      each fixed option under its name in snake case (weightDecay → weight_decay),
 *                 written with Double, Integer or Boolean.toString; a loaded state must hold
 *                 the same value, since other options would not continue the same run
 *   &lt;count&gt;       a whole number &gt;= 0 (restored): "steps", or a schedule's "last_epoch"
 * </pre>
 * Numbers are written with {@code Double.toString} and {@code Long.toString}, which read back to
 * the same values.
 */
final class StateMetadata {

    private static final Range RATE = Range.nonNegative();
    private static final String TYPE = "type";

    private final String owner;
    private final String kind;
    private final String rateKey;
    private final String countKey;
    private final List<Option> options = new ArrayList<>();

    /**
     * @param owner    the name in messages, {@code "SGD"}; lower-cased, the type
     * @param kind     what the owner is, in messages: {@code "optimizer"} or {@code "schedule"}
     * @param rateKey  the key of the learning rate: {@code "lr"}
     * @param countKey the key of the count: {@code "steps"}
     */
    StateMetadata(String owner, String kind, String rateKey, String countKey) {
        this.owner = owner;
        this.kind = kind;
        this.rateKey = rateKey;
        this.countKey = countKey;
    }

    // ---------------------------------------------------------------- the fixed options

    double option(String name, double value, Range range) {
        record(name, range.check(owner, name, value));
        return value;
    }

    boolean option(String name, boolean value) {
        record(name, value);
        return value;
    }

    /**
     * A whole-number option, such as a period counted in epochs.
     *
     * @throws IllegalArgumentException {@code StepLR: stepSize must be >= 1, got 0}
     */
    int option(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= " + least
                    + ", got " + value);
        }
        record(name, value);
        return value;
    }

    private void record(String name, Object value) {
        String key = snakeCase(name);
        for (Option o : options) {
            if (o.key().equals(key)) {
                throw new IllegalArgumentException(owner + ": option names must be distinct, got \""
                        + name + "\" twice");
            }
        }
        if (key.equals(TYPE) || key.equals(rateKey) || key.equals(countKey)) {
            throw new IllegalArgumentException(owner + ": option name must not be one of " + TYPE
                    + ", " + rateKey + " and " + countKey + ", which every " + kind
                    + " records, got \"" + name + "\"");
        }
        options.add(new Option(name, key, value));
    }

    /** Appends {@code , momentum=0.9, nesterov=true} for {@code toString}. */
    void appendOptions(StringBuilder s) {
        for (Option o : options) {
            s.append(", ").append(o.name()).append('=').append(o.value());
        }
    }

    // ---------------------------------------------------------------- writing and checking

    /**
     * Adds the metadata to a state dict being built.
     *
     * @return {@code b}
     */
    StateDict.Builder write(StateDict.Builder b, double rate, long count) {
        b.metadata(TYPE, type()).metadata(rateKey, Double.toString(rate));
        for (Option o : options) {
            b.metadata(o.key(), o.value().toString());
        }
        return b.metadata(countKey, Long.toString(count));
    }

    /**
     * Adds one problem for each thing in {@code meta} that does not fit, in the order type, rate,
     * options, count.
     *
     * @return the count, or -1 if it is missing or malformed
     */
    long check(Map<String, String> meta, List<String> problems) {
        if (!type().equals(meta.get(TYPE))) {
            problems.add("\"type\" must be \"" + type() + "\", got " + quoted(meta.get(TYPE)));
        }
        if (!RATE.contains(parseDouble(meta.get(rateKey)))) {
            problems.add("\"" + rateKey + "\" must be " + RATE + ", got "
                    + quoted(meta.get(rateKey)));
        }
        for (Option o : options) {
            if (!o.matches(meta.get(o.key()))) {
                problems.add("\"" + o.key() + "\" must be " + o.value() + " as this " + kind
                        + " was built, got " + quoted(meta.get(o.key())));
            }
        }
        long count = parseCount(meta.get(countKey));
        if (count < 0) {
            problems.add("\"" + countKey + "\" must be a whole number >= 0, got "
                    + quoted(meta.get(countKey)));
        }
        return count;
    }

    /**
     * Throws the problems found in a state dict together, if there are any.
     *
     * @throws StateDictException {@code SGD.loadStateDict: state dict must match this optimizer,
     *                            got 2 problems: ...}
     */
    void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new StateDictException(owner + ".loadStateDict: state dict must match this "
                    + kind, problems);
        }
    }

    /** {@return the rate of a state that {@link #check} accepted} */
    double rate(Map<String, String> meta) {
        return Double.parseDouble(meta.get(rateKey));
    }

    /** {@return the count of a state that {@link #check} accepted} */
    long count(Map<String, String> meta) {
        return Long.parseLong(meta.get(countKey));
    }

    /** The problem of a tensor that has no place in the state. */
    static String unexpected(String name, Tensor tensor) {
        return "unexpected \"" + name + "\" (shape " + tensor.shapeString() + ")";
    }

    // ---------------------------------------------------------------- parsing and naming

    private String type() {
        return owner.toLowerCase(Locale.ROOT);
    }

    /**
     * An option: its name as the builder spells it, its key in state dicts, and its value (a
     * Double, an Integer or a Boolean, whose {@code toString} is the text in the state dict).
     */
    private record Option(String name, String key, Object value) {

        /** Whether a state dict's text holds this value: the same number, or the same word. */
        boolean matches(String text) {
            if (value instanceof Double d) {
                return parseDouble(text) == d;              // false for NaN: missing or malformed
            }
            return value.toString().equals(text);
        }
    }

    /** {@code weightDecay} → {@code weight_decay}: PyTorch's spelling of an option. */
    private static String snakeCase(String camelCase) {
        StringBuilder s = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The number, or NaN if the text is missing or not a number. */
    private static double parseDouble(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The count, or -1 if the text is missing or not a whole number >= 0. */
    private static long parseCount(String text) {
        try {
            return text == null ? -1 : Math.max(-1, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }
}
