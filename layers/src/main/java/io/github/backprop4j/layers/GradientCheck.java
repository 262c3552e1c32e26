package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a backward pass against central differences, like PyTorch's
 * {@code torch.autograd.gradcheck}; usable in any test of a {@link Layer} or a {@link Loss}.
 *
 * <pre>
 *   numeric  n = (L(θ + h) − L(θ − h)) / 2h      for every entry θ of every tensor
 *   analytic a = what backward computed for that entry
 *   error      = |a − n| / max(|a| + |n|, F)      must be ≤ tolerance τ
 *   floor      F = r / τ,   r = 10 · ε · s / h,   s = |L| + Σ |G ⊙ Y|,   ε = 2⁻⁵² ≈ 2.2e-16
 * </pre>
 * (The divisor of n is the step actually taken, (θ + h) − (θ − h), which rounding can make
 * differ from 2h in the last bits.)
 * A layer's output is a matrix, not a number, so the check turns it into one with a fixed random
 * projection: L = Σ R ⊙ forward(X), with R drawn from the caller's generator. Then
 * ∂L/∂Y = R, which is what the check passes to {@code backward}. A loss is already a number: its
 * gradient with respect to the prediction is checked directly. A model and a loss together,
 * L = loss(model(X), T), are checked as one objective, with the loss's backward feeding the
 * model's.
 *
 * <p><b>The error measure, and why it has a floor.</b> Everything is double precision. The
 * central difference has a truncation error of O(h²), and a rounding error that does not
 * depend on the entry at all: L(θ + h) and L(θ − h) are each computed with rounding errors of a
 * few ε times the size of what L adds up, and their difference is divided by 2h. That size is
 * s = |L| + Σ |G ⊙ Y|, the objective plus what the rounding of each output Y moves it by
 * (G = ∂L/∂Y at the unperturbed point). So n is only known to within about r = 10·ε·s/h,
 * whatever the entry: measured on MLPs from the README and the lessons, at initialisation and
 * trained, with mean squared error and cross-entropy, |a − n| of a correct backward stayed
 * below 5·ε·s/h, and the factor 10 leaves room for twice that. A relative error
 * |a − n| / (|a| + |n|) alone blows up on entries that are small next to r/τ: the README's MLP,
 * checked with {@code MSELoss} at its initial weights, has an entry of 1.6731e-5 whose
 * central difference is off by 8e-10, a relative error of 2.4e-5. Such entries are therefore
 * measured against the floor F = r/τ instead of their own size: an absolute disagreement of r
 * is then exactly the tolerance, and anything above it fails. The floor follows the
 * objective, not the gradient: at initialisation a cross-entropy L is about ln C while its
 * gradient entries are tiny, and a floor proportional to the largest entry, large enough to
 * pass such networks, would be ten to thirty times blunter than this one on others.
 *
 * <p>What the default (h = 1e-6, τ = 1e-6) still catches: an error Δ in one entry a fails the
 * check once Δ &gt; max(2τ·|a|, r), so a relative error of 1e-4 in any entry with
 * |a| &gt; 10⁴·r, and every larger error in smaller entries. For the README's MLP with
 * {@code MSELoss} (L ≈ 6.6), r ≈ 1.5e-8: a planted error of 1e-4 relative fails the check in
 * every entry above 1.5e-4. An error smaller than r is indistinguishable from rounding, by this
 * measure or any other on a central difference; to see it, check at a point where L is smaller.
 * {@code docs/derivations.md} works the numbers through.
 *
 * <p><b>Kinks.</b> A ReLU has no derivative at 0. If a perturbation moves a ReLU input across
 * 0, the central difference mixes both sides and may disagree with a correct backward. The check
 * asks the layer where its kinks are, through {@link Layer#kinkSides} ({@link ReLU} reports the
 * side of 0 each input lay on, a {@link Sequential} passes the question on to its layers, a
 * smooth layer reports nothing), and compares each perturbed pass's report with the unperturbed
 * one. It detects every crossing that way, logs a warning and sets
 * {@link Report#crossedKink()}. Keep ReLU inputs away from the kink (|x| &gt; 1e-3) in tests.
 *
 * <p><b>The input's gradient.</b> The check runs on a copy of the input marked as
 * {@linkplain Matrix#requiresGrad() requiring grad}, so that the layer computes ∂L/∂X, which is
 * checked with the parameters' gradients.
 *
 * <p><b>Side effects.</b> None that outlive the call: the caller's input and prediction are not
 * touched (the check perturbs copies), every perturbed parameter entry is put back to its exact
 * original bits, the parameters' gradients are restored to what they held before, and the layer
 * ends with a forward pass at the unperturbed point.
 *
 * <pre>{@code
 * new GradientCheck().assertGradients(model, x, new SplittableRandom(42));
 * new GradientCheck().assertGradients(model, new MSELoss(), x, target);
 * }</pre>
 */
public final class GradientCheck {

    /** The default step h of the central difference. */
    public static final double DEFAULT_STEP = 1e-6;
    /** The default largest accepted relative error. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The floor of the relative error's denominator, so that two zeros compare as equal. */
    public static final double TINY = 1e-8;
    /**
     * How many times ε·s/h the central difference may be off by rounding alone: the factor in
     * r = 10·ε·s/h (see the class comment).
     */
    public static final double ROUNDING_ALLOWANCE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(GradientCheck.class);

    private final double step;
    private final double tolerance;

    /** A check with h = 1e-6 and tolerance 1e-6. */
    public GradientCheck() {
        this(DEFAULT_STEP, DEFAULT_TOLERANCE);
    }

    /**
     * A check with the given step and tolerance.
     *
     * @param step      h, finite and {@code > 0}
     * @param tolerance the largest accepted relative error, finite and {@code > 0}
     * @throws IllegalArgumentException if either is not finite and positive
     */
    public GradientCheck(double step, double tolerance) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("GradientCheck: step must be finite and positive,"
                    + " got " + step);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("GradientCheck: tolerance must be finite and"
                    + " positive, got " + tolerance);
        }
        this.step = step;
        this.tolerance = tolerance;
    }

    /**
     * This check with another step.
     *
     * @param newStep h
     * @return a new check
     */
    public GradientCheck withStep(double newStep) {
        return new GradientCheck(newStep, tolerance);
    }

    /**
     * This check with another tolerance.
     *
     * @param newTolerance the largest accepted relative error
     * @return a new check
     */
    public GradientCheck withTolerance(double newTolerance) {
        return new GradientCheck(step, newTolerance);
    }

    /**
     * The step h.
     *
     * @return h
     */
    public double step() {
        return step;
    }

    /**
     * The largest accepted relative error.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Checks ∂L/∂X and every ∂L/∂θ of a layer at {@code input}, for L = Σ R ⊙ forward(X).
     *
     * @param layer the layer; its parameters are perturbed and restored exactly
     * @param input X; not modified
     * @param rng   the source of the projection R, uniform on [−1, 1), drawn row by row
     * @return the worst entry of the input ("input") and of each parameter, in that order
     */
    public Report check(Layer layer, Matrix input, RandomGenerator rng) {
        Objects.requireNonNull(layer, "GradientCheck.check: layer must not be null");
        Objects.requireNonNull(rng, "GradientCheck.check: rng must not be null");
        Matrix x = input.copy().requiresGrad(true);
        Matrix y = layer.forward(x);
        Matrix r = Matrix.uniform(y.rows(), y.cols(), -1, 1, rng);
        return checkLayer(layer, x, out -> r, out -> sumOfProducts(r, out, false),  // L = Σ R ⊙ Y
                new Projection(layer, x, r));
    }

    /**
     * Checks a whole training objective, L = loss(layer(X), T): ∂L/∂X and every ∂L/∂θ of the
     * layer, with the gradient flowing from the loss's backward into the layer's.
     *
     * @param layer  the model, for example a {@link Sequential}
     * @param loss   the loss on the model's output
     * @param input  X; not modified
     * @param target T; not modified
     * @return the worst entry of the input ("input") and of each parameter, in that order
     */
    public Report check(Layer layer, Loss loss, Matrix input, Matrix target) {
        Objects.requireNonNull(layer, "GradientCheck.check: layer must not be null");
        Objects.requireNonNull(loss, "GradientCheck.check: loss must not be null");
        Matrix x = input.copy().requiresGrad(true);
        return checkLayer(layer, x, out -> {
            loss.forward(out, target);
            return loss.backward();                                         // G = ∂L/∂Y
        }, out -> loss.forward(out, target),
                new Scalar(() -> loss.forward(layer.forward(x), target)));
    }

    /**
     * The check of a layer under any scalar objective of its output.
     *
     * @param x         the check's own copy of the input, perturbed in place
     * @param seed      given Y, returns G = ∂L/∂Y for the backward pass
     * @param value     given Y, returns L
     * @param objective L as a function of the current values of x and the parameters
     */
    private Report checkLayer(Layer layer, Matrix x, UnaryOperator<Matrix> seed,
                              ToDoubleFunction<Matrix> value, Objective objective) {
        List<Parameter> params = layer.parameters();
        List<Matrix> savedGrads = new ArrayList<>();
        for (Parameter p : params) {
            savedGrads.add(p.grad().copy());
        }
        try {
            layer.zeroGrad();
            Matrix out = layer.forward(x);
            Matrix y = out.copy();
            Matrix g = seed.apply(out).copy();
            Matrix gradX = layer.backward(g).copy();
            double floor = floor(value.applyAsDouble(y), y, g);
            KinkWatch kinks = new KinkWatch(layer::kinkSides);
            List<TensorReport> tensors = new ArrayList<>();
            tensors.add(checkTensor("input", x, gradX, objective, kinks, floor));
            for (Parameter p : params) {
                tensors.add(checkTensor(p.name(), p.value(), p.grad().copy(), objective, kinks,
                        floor));
            }
            layer.forward(x);
            return new Report(tensors, step, tolerance);
        } finally {
            for (int i = 0; i < params.size(); i++) {
                MatrixOps.copy(savedGrads.get(i), params.get(i).grad());
            }
        }
    }

    /**
     * Checks a loss's ∂L/∂Ŷ at ({@code prediction}, {@code target}).
     *
     * @param loss       the loss
     * @param prediction Ŷ; not modified
     * @param target     T; not modified
     * @return the worst entry of the gradient, named "prediction"
     */
    public Report check(Loss loss, Matrix prediction, Matrix target) {
        Objects.requireNonNull(loss, "GradientCheck.check: loss must not be null");
        Objects.requireNonNull(target, "GradientCheck.check: target must not be null");
        Matrix p = prediction.copy();
        double l = loss.forward(p, target);
        Matrix analytic = loss.backward().copy();
        TensorReport t = checkTensor("prediction", p, analytic,
                new Scalar(() -> loss.forward(p, target)), new KinkWatch(sides -> { }),
                floor(l, p, analytic));
        loss.forward(p, target);
        return new Report(List.of(t), step, tolerance);
    }

    /**
     * Like {@link #check(Layer, Matrix, RandomGenerator)}, and fails if any entry is off.
     *
     * @param layer the layer
     * @param input X; not modified
     * @param rng   the source of the projection R
     * @return the report, for a look at {@link Report#crossedKink()}
     * @throws AssertionError with {@link Report#failureMessage()} if the check fails
     */
    public Report assertGradients(Layer layer, Matrix input, RandomGenerator rng) {
        return assertPassed(check(layer, input, rng));
    }

    /**
     * Like {@link #check(Loss, Matrix, Matrix)}, and fails if any entry is off.
     *
     * @param loss       the loss
     * @param prediction Ŷ; not modified
     * @param target     T; not modified
     * @return the report
     * @throws AssertionError with {@link Report#failureMessage()} if the check fails
     */
    public Report assertGradients(Loss loss, Matrix prediction, Matrix target) {
        return assertPassed(check(loss, prediction, target));
    }

    /**
     * Like {@link #check(Layer, Loss, Matrix, Matrix)}, and fails if any entry is off.
     *
     * @param layer  the model
     * @param loss   the loss on its output
     * @param input  X; not modified
     * @param target T; not modified
     * @return the report
     * @throws AssertionError with {@link Report#failureMessage()} if the check fails
     */
    public Report assertGradients(Layer layer, Loss loss, Matrix input, Matrix target) {
        return assertPassed(check(layer, loss, input, target));
    }

    private static Report assertPassed(Report report) {
        if (!report.passed()) {
            throw new AssertionError(report.failureMessage());
        }
        return report;
    }

    /**
     * The floor F = r/τ of the error's denominator, r = 10·ε·s/h the rounding error the central
     * difference may carry, s = |L| + Σ |G ⊙ Y| at the unperturbed point.
     */
    private double floor(double objective, Matrix output, Matrix gradOutput) {
        double s = Math.abs(objective) + sumOfProducts(gradOutput, output, true);
        return roundingFloor(s, step, tolerance);
    }

    /**
     * The floor of the error's denominator for an objective of size s: F = r/τ with
     * r = 10·ε·s/h the rounding error a central difference with step h may carry, and never
     * below {@link #TINY}. An absolute disagreement |a − n| = r between a small entry and its
     * central difference is then exactly the tolerance.
     *
     * @param size      s = |L| + Σ |G ⊙ Y|, the size of what the objective adds up
     * @param step      h
     * @param tolerance τ
     * @return max(10·ε·s / (h·τ), 1e-8), with ε = 2⁻⁵²; NaN if s is
     */
    public static double roundingFloor(double size, double step, double tolerance) {
        return Math.max(ROUNDING_ALLOWANCE * Math.ulp(1.0) * size / (step * tolerance), TINY);
    }

    /** Σ A ⊙ B, or Σ |A ⊙ B| with {@code absolute}, for two matrices of one shape. */
    private static double sumOfProducts(Matrix a, Matrix b, boolean absolute) {
        double[] u = a.unwrap().data;
        double[] v = b.unwrap().data;
        double s = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            s += absolute ? Math.abs(u[i] * v[i]) : u[i] * v[i];
        }
        return s;
    }

    /** Perturbs every entry of {@code value} by ±h and keeps the entry that agrees worst. */
    private TensorReport checkTensor(String name, Matrix value, Matrix analytic,
                                     Objective objective, KinkWatch kinks, double floor) {
        double[] v = value.unwrap().data;
        double[] a = analytic.unwrap().data;
        int cols = value.cols();
        TensorReport worst = null;
        int crossings = 0;
        for (int i = 0, n = value.size(); i < n; i++) {
            double original = v[i];
            double plus = original + step;
            double minus = original - step;
            v[i] = plus;
            objective.evaluatePlus();                          // L(θ + h)
            boolean crossed = kinks.crossed();
            v[i] = minus;
            double difference = objective.evaluateMinus();     // L(θ + h) − L(θ − h)
            crossed |= kinks.crossed();
            v[i] = original;                                   // exact: the saved bits
            // plus − minus is the step actually taken, which rounding makes differ from 2h
            double numeric = difference / (plus - minus);
            double error = relativeError(a[i], numeric, floor);
            crossings += crossed ? 1 : 0;
            if (worst == null || isWorse(error, worst.relativeError())) {
                worst = new TensorReport(name, i / cols, i % cols, a[i], numeric, error, 0);
            }
        }
        if (crossings > 0) {
            LOG.warn("Gradient check: {} of {} perturbations of {} (h = {}) moved a value across"
                    + " a kink (such as a ReLU input across 0); the central difference there is"
                    + " unreliable. Keep such values away from their kinks.", crossings,
                    value.size(), name, step);
        }
        if (worst == null) {
            return new TensorReport(name, -1, -1, 0, 0, 0, 0);
        }
        return new TensorReport(name, worst.row(), worst.col(), worst.analytic(), worst.numeric(),
                worst.relativeError(), crossings);
    }

    /**
     * The relative error the check uses, |a − n| / max(|a| + |n|, 1e-8).
     *
     * @param analytic a, from backward
     * @param numeric  n, from the central difference
     * @return the relative error; NaN if either is NaN
     */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic) + Math.abs(numeric), TINY);
        return Math.abs(analytic - numeric) / scale;
    }

    /**
     * The error the check uses, |a − n| / max(|a| + |n|, floor): relative for entries larger than
     * the floor, absolute (in units of the floor) for smaller ones.
     *
     * @param analytic a, from backward
     * @param numeric  n, from the central difference
     * @param floor    the smallest denominator, such as {@link #roundingFloor}
     * @return the error; NaN if any argument is NaN
     */
    public static double relativeError(double analytic, double numeric, double floor) {
        double scale = Math.max(Math.abs(analytic) + Math.abs(numeric), floor);
        return Math.abs(analytic - numeric) / scale;
    }

    /** NaN counts as the worst error of all. */
    private static boolean isWorse(double error, double than) {
        return Double.isNaN(error) ? !Double.isNaN(than) : error > than;
    }

    /** Formats like {@code 3.6e-4} and {@code 1e-6}: one decimal, no exponent padding. */
    static String scientific(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return String.valueOf(x);
        }
        String s = String.format(Locale.ROOT, "%.1e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** Formats a gradient value with five significant digits: {@code 0.41320}. */
    static String value(double x) {
        return String.format(Locale.ROOT, "%.5g", x);
    }

    /** The scalar whose derivative is checked, evaluated on either side of a perturbation. */
    private interface Objective {
        /** Evaluates L at the current (plus-side) values and remembers it. */
        void evaluatePlus();

        /**
         * Evaluates L at the current (minus-side) values.
         *
         * @return L(θ + h) − L(θ − h)
         */
        double evaluateMinus();
    }

    /** An objective that is already a number, such as a loss. */
    private static final class Scalar implements Objective {
        private final DoubleSupplier loss;
        private double plus;

        Scalar(DoubleSupplier loss) {
            this.loss = loss;
        }

        @Override
        public void evaluatePlus() {
            plus = loss.getAsDouble();
        }

        @Override
        public double evaluateMinus() {
            return plus - loss.getAsDouble();
        }
    }

    /**
     * L = Σ R ⊙ Y. The difference is taken output by output, Σ R ⊙ (Y⁺ − Y⁻), rather than as
     * L⁺ − L⁻: outputs that a perturbation leaves unchanged (the other rows of the batch, when
     * an input entry is perturbed) then contribute exactly 0 instead of their rounding error.
     */
    private static final class Projection implements Objective {
        private final Layer layer;
        private final Matrix x;
        private final Matrix r;
        private final Matrix outputPlus = Matrix.zeros(0, 0);

        Projection(Layer layer, Matrix x, Matrix r) {
            this.layer = layer;
            this.x = x;
            this.r = r;
        }

        @Override
        public void evaluatePlus() {
            MatrixOps.copy(layer.forward(x), outputPlus);
        }

        @Override
        public double evaluateMinus() {
            double[] w = r.unwrap().data;
            double[] plus = outputPlus.unwrap().data;
            double[] minus = layer.forward(x).unwrap().data;
            double s = 0;
            for (int i = 0, n = r.size(); i < n; i++) {
                s += w[i] * (plus[i] - minus[i]);
            }
            return s;
        }
    }

    /**
     * The sides of the kinks that a layer reports through {@link Layer#kinkSides} at the
     * unperturbed point, compared with its report after each perturbed pass.
     */
    private static final class KinkWatch implements IntConsumer {
        private final Consumer<IntConsumer> report;
        private final int[] base;
        private int count;
        private boolean differs;

        KinkWatch(Consumer<IntConsumer> report) {
            this.report = report;
            IntStream.Builder sides = IntStream.builder();
            report.accept(sides);
            this.base = sides.build().toArray();
        }

        /** Whether the latest forward put some value on another side of its kink. */
        boolean crossed() {
            count = 0;
            differs = false;
            report.accept(this);
            return differs || count != base.length;
        }

        /** Compares one side of the current report with the unperturbed one. */
        @Override
        public void accept(int side) {
            differs |= count >= base.length || base[count] != side;
            count++;
        }
    }

    /**
     * The entry of one tensor where backprop and the central difference agree worst.
     *
     * @param name          the tensor: {@code "input"}, {@code "prediction"} or a parameter name
     * @param row           the entry's row, or −1 for an empty tensor
     * @param col           the entry's column, or −1 for an empty tensor
     * @param analytic      the gradient from backward
     * @param numeric       the central difference
     * @param relativeError |a − n| / max(|a| + |n|, F), with the check's floor F
     * @param kinkCrossings how many entries of this tensor had a perturbation that moved a value
     *                      across a kink, such as a ReLU input across 0
     */
    public record TensorReport(String name, int row, int col, double analytic, double numeric,
                               double relativeError, int kinkCrossings) {

        /**
         * Whether the worst entry is within the tolerance; NaN never is.
         *
         * @param tolerance the largest accepted relative error
         * @return {@code relativeError <= tolerance}
         */
        public boolean passed(double tolerance) {
            return relativeError <= tolerance;
        }
    }

    /**
     * The result of a check: the worst entry of every tensor.
     *
     * @param tensors   one report per tensor, input (or prediction) first, then the parameters
     * @param step      the h used
     * @param tolerance the tolerance used
     */
    public record Report(List<TensorReport> tensors, double step, double tolerance) {

        /**
         * A report over the given tensors.
         *
         * @param tensors   the tensors' reports; copied
         * @param step      h
         * @param tolerance the tolerance
         */
        public Report {
            tensors = List.copyOf(tensors);
        }

        /**
         * Whether every tensor's worst entry is within the tolerance.
         *
         * @return {@code true} if the check passed
         */
        public boolean passed() {
            return tensors.stream().allMatch(t -> t.passed(tolerance));
        }

        /**
         * Whether any perturbation moved a value across a kink, such as a ReLU input across 0.
         *
         * @return {@code true} if some central difference straddled a kink
         */
        public boolean crossedKink() {
            return tensors.stream().anyMatch(t -> t.kinkCrossings() > 0);
        }

        /**
         * The tensor whose worst entry is worst of all (NaN counting as worst).
         *
         * @return that tensor's report
         * @throws IllegalStateException if there are no tensors
         */
        public TensorReport worst() {
            TensorReport worst = null;
            for (TensorReport t : tensors) {
                if (worst == null || isWorse(t.relativeError(), worst.relativeError())) {
                    worst = t;
                }
            }
            if (worst == null) {
                throw new IllegalStateException("GradientCheck.Report.worst: no tensors checked");
            }
            return worst;
        }

        /**
         * The message of a failed check, naming the worst tensor, its index, both values and the
         * error: {@code Gradient check failed for 0.weight at (2,1): backprop 0.41320, central
         * difference 0.41290 (relative error 3.6e-4 > 1e-6)}. Followed by a hint when a
         * perturbation crossed a kink.
         *
         * @return the message, or a line saying that the check passed
         */
        public String failureMessage() {
            if (passed()) {
                return "Gradient check passed: worst relative error "
                        + scientific(worst().relativeError()) + " <= " + scientific(tolerance);
            }
            TensorReport w = worst();
            String message = "Gradient check failed for " + w.name() + " at (" + w.row() + ","
                    + w.col() + "): backprop " + value(w.analytic()) + ", central difference "
                    + value(w.numeric()) + " (relative error " + scientific(w.relativeError())
                    + " > " + scientific(tolerance) + ")";
            if (crossedKink()) {
                message += "; note: some perturbations moved a value across a kink (such as a"
                        + " ReLU input across 0), where the central difference is unreliable";
            }
            return message;
        }

        /** A table: one line per tensor with its worst entry. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Gradient check (h = %s, tolerance = %s)%n", scientific(step),
                    scientific(tolerance)));
            for (TensorReport t : tensors) {
                sb.append(String.format(Locale.ROOT,
                        "  %-12s at (%d,%d): backprop %s, central difference %s, error %s%s%s%n",
                        t.name(), t.row(), t.col(), value(t.analytic()), value(t.numeric()),
                        scientific(t.relativeError()), t.passed(tolerance) ? "" : "  FAILED",
                        t.kinkCrossings() > 0 ? "  (" + t.kinkCrossings() + " kink crossings)"
                                : ""));
            }
            return sb.toString();
        }
    }
}
