package io.github.backprop4j.examples;

import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.AdamW;
import io.github.backprop4j.optim.CosineAnnealingLR;
import io.github.backprop4j.optim.ExponentialLR;
import io.github.backprop4j.optim.Gradients;
import io.github.backprop4j.optim.LRScheduler;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.RMSprop;
import io.github.backprop4j.optim.SGD;
import io.github.backprop4j.optim.StepLR;
import io.github.backprop4j.train.EpochResult;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingStep;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a lesson's weights move: the optimizer ({@code --optimizer}), its learning-rate schedule
 * ({@code --schedule}) and gradient clipping ({@code --clip}), built from the run's
 * {@link Hyperparameters} in this one place, so that every lesson offers the same choices and
 * none of them spells them out.
 *
 * <p>A lesson's loop calls it three times:
 * <pre>{@code
 * Optimization optimization = Optimization.of(h, model.parameters());
 * for (int epoch = 1; epoch <= h.epochs(); epoch++) {
 *     for (Batch batch : loader.epoch(rng)) {
 *         optimization.zeroGrad();
 *         ...                                  // forward, loss, backward
 *         optimization.step();                 // clip (--clip), then the optimizer's step
 *     }
 *     optimization.endEpoch();                 // the schedule (--schedule): next epoch's rate
 * }
 * }</pre>
 *
 * <h2>The choices</h2>
 * <pre>
 *   --optimizer sgd       SGD with --momentum, at --lr (default: the lesson's tuned rate)
 *               adam      Adam, PyTorch's defaults: betas (0.9, 0.999), eps 1e-8; --lr 0.001
 *               adamw     AdamW, the same with decoupled weight decay (the lesson's, else
 *                         0.01); --lr 0.001
 *               rmsprop   RMSprop, alpha 0.99, eps 1e-8, no momentum; --lr 0.001
 *   --schedule  none      the rate stays at --lr
 *               step      ×0.1 every third of T epochs (StepLR, stepSize = max(1, T/3))
 *               exp       ×γ every epoch with γ = 0.01^(1/T): a hundredfold lower after T
 *                         (ExponentialLR)
 *               cosine    from --lr down to 0 along half a cosine over T epochs
 *                         (CosineAnnealingLR, tMax = T, etaMin = 0)
 *   --clip      MAXNORM   before each step, scale all gradients by one factor so that their
 *                         total L2 norm is at most MAXNORM (Gradients.clipNorm)
 * </pre>
 * T is {@code --schedule-epochs}, by default the run's {@code --epochs}. A schedule's options
 * are saved in a checkpoint and must match when it is loaded, so a run trained in parts with
 * {@code --save} and {@code --load} gives every part the whole run's T.
 *
 * <p>RMSprop's rate is 0.001 rather than PyTorch's 0.01: it divides by the root of a running
 * mean of squared gradients, which for these small networks makes 0.01 steps jump about.
 */
public final class Optimization {

    /** The optimizers {@code --optimizer} offers. */
    public enum Algorithm {
        /** {@link SGD}, with the lesson's learning rate and momentum. */
        SGD(Double.NaN),
        /** {@link Adam} with PyTorch's defaults. */
        ADAM(1e-3),
        /** {@link AdamW} with PyTorch's defaults (weight decay 0.01). */
        ADAMW(1e-3),
        /** {@link RMSprop} with PyTorch's defaults but a learning rate of 0.001. */
        RMSPROP(1e-3);

        private final double defaultLearningRate;

        Algorithm(double defaultLearningRate) {
            this.defaultLearningRate = defaultLearningRate;
        }

        /**
         * The rate used when {@code --lr} is not given.
         *
         * @param lessonRate the lesson's tuned SGD rate
         * @return {@code lessonRate} for SGD, 0.001 for the others
         */
        public double defaultLearningRate(double lessonRate) {
            return this == SGD ? lessonRate : defaultLearningRate;
        }

        /** {@return the name on the command line: "sgd", "adam", …} */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The algorithm of a command-line name.
         *
         * @param name "sgd", "adam", "adamw" or "rmsprop"
         * @return the algorithm
         * @throws IllegalArgumentException listing the names, if {@code name} is none of them
         */
        public static Algorithm named(String name) {
            return byName(Algorithm.class, name);
        }
    }

    /** The learning-rate schedules {@code --schedule} offers. */
    public enum Schedule {
        /** A constant rate. */
        NONE,
        /** {@link StepLR}: ×0.1 every third of the run. */
        STEP,
        /** {@link ExponentialLR}: a hundredfold lower at the end of the run. */
        EXP,
        /** {@link CosineAnnealingLR}: down to 0 along half a cosine. */
        COSINE;

        /** {@return the name on the command line: "none", "step", …} */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The schedule of a command-line name.
         *
         * @param name "none", "step", "exp" or "cosine"
         * @return the schedule
         * @throws IllegalArgumentException listing the names, if {@code name} is none of them
         */
        public static Schedule named(String name) {
            return byName(Schedule.class, name);
        }
    }

    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LRScheduler schedule;
    private final double clip;
    /** With {@code --diagnose}, what watches each step; {@code null}, and never called, without. */
    private Inspection.Diagnosis diagnosis;

    private Optimization(List<Parameter> parameters, Optimizer optimizer, LRScheduler schedule,
                         double clip) {
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.clip = clip;
    }

    /**
     * The optimizer, schedule and clipping that {@code h} asks for, over {@code parameters}.
     *
     * @param h          the run's settings: optimizer, learning rate, momentum (SGD's),
     *                   schedule and its length, clipping
     * @param parameters the model's parameters
     * @return the run's optimization, at epoch 0
     */
    public static Optimization of(Hyperparameters h, List<Parameter> parameters) {
        return of(h, parameters, 0);
    }

    /**
     * As {@link #of(Hyperparameters, List)}, for a lesson that also pulls every weight towards
     * 0: its weight decay λ goes into SGD's, Adam's and RMSprop's gradient (λ·w added, PyTorch's
     * {@code weight_decay}); AdamW decays decoupled from the gradient, by λ, or by PyTorch's
     * default 0.01 when the lesson has none.
     *
     * @param h           the run's settings
     * @param parameters  the model's parameters
     * @param weightDecay the lesson's λ, {@code >= 0}
     * @return the run's optimization, at epoch 0
     */
    public static Optimization of(Hyperparameters h, List<Parameter> parameters,
                                  double weightDecay) {
        Objects.requireNonNull(parameters, "Optimization.of: parameters must not be null");
        double lr = h.learningRate();
        Optimizer optimizer = switch (h.optimizer()) {
            case SGD -> SGD.builder(parameters).learningRate(lr).momentum(h.momentum())
                    .weightDecay(weightDecay).build();
            case ADAM -> Adam.builder(parameters).learningRate(lr).weightDecay(weightDecay)
                    .build();
            case ADAMW -> weightDecay > 0
                    ? AdamW.builder(parameters).learningRate(lr).weightDecay(weightDecay).build()
                    : AdamW.builder(parameters).learningRate(lr).build();
            case RMSPROP -> RMSprop.builder(parameters).learningRate(lr).weightDecay(weightDecay)
                    .build();
        };
        int t = h.scheduleLength();
        LRScheduler schedule = switch (h.schedule()) {
            case NONE -> null;
            case STEP -> new StepLR(optimizer, Math.max(1, t / 3), 0.1);
            case EXP -> new ExponentialLR(optimizer, Math.pow(0.01, 1.0 / t));
            case COSINE -> new CosineAnnealingLR(optimizer, t, 0);
        };
        return new Optimization(parameters, optimizer, schedule, h.clip());
    }

    /** Clears the gradients: the optimizer's {@code zeroGrad}. */
    public void zeroGrad() {
        optimizer.zeroGrad();
    }

    /**
     * One update, between backward and the next zeroGrad: with {@code --clip}, scales the
     * gradients down to the total norm allowed, then lets the optimizer step. Allocates nothing.
     * With {@code --diagnose}, the diagnostics see the gradients first and the update after.
     */
    public void step() {
        if (diagnosis != null) {
            diagnosis.afterBackward();                 // --diagnose: gradient norms
        }
        if (clip > 0) {
            Gradients.clipNorm(parameters, clip);
        }
        if (diagnosis != null) {
            diagnosis.beforeStep();                    // --diagnose: θ before the update
        }
        optimizer.step();
        if (diagnosis != null) {
            diagnosis.afterStep();                     // --diagnose: ‖Δθ‖ / ‖θ‖
        }
    }

    /**
     * The same watching for a lesson that hands its loop to the library's
     * {@link io.github.backprop4j.train.Trainer}, which calls the optimizer itself: a listener
     * that passes each step and epoch to {@code --diagnose}'s diagnostics, and does nothing
     * without that option.
     *
     * @return the listener to add to the trainer
     */
    public TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void afterBackward(TrainingStep step) {
                if (diagnosis != null) {
                    diagnosis.afterBackward();
                }
            }

            @Override
            public void beforeOptimizerStep(TrainingStep step) {
                if (diagnosis != null) {
                    diagnosis.beforeStep();
                }
            }

            @Override
            public void afterOptimizerStep(TrainingStep step) {
                if (diagnosis != null) {
                    diagnosis.afterStep();
                }
            }

            @Override
            public void onEpochEnd(EpochResult epoch) {
                if (diagnosis != null) {
                    diagnosis.endEpoch();
                }
            }
        };
    }

    /**
     * Lets {@code --diagnose}'s diagnostics watch every step and epoch from now on.
     *
     * @param watcher the diagnostics, called by {@link #step()} and {@link #endEpoch()}
     */
    void diagnose(Inspection.Diagnosis watcher) {
        this.diagnosis = watcher;
    }

    /** Ends an epoch, after its steps: the schedule, if any, sets the next epoch's rate. */
    public void endEpoch() {
        if (schedule != null) {
            schedule.step();
        }
        if (diagnosis != null) {
            diagnosis.endEpoch();                      // --diagnose: a report now and then
        }
    }

    /**
     * The optimizer: what a checkpoint saves and what counts the steps.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The learning-rate schedule, saved in a checkpoint beside the optimizer.
     *
     * @return the schedule, or {@code null} with {@code --schedule none}
     */
    public LRScheduler schedule() {
        return schedule;
    }

    @Override
    public String toString() {
        return optimizer + (schedule == null ? "" : ", " + schedule)
                + (clip > 0 ? ", clip " + clip : "");
    }

    private static <E extends Enum<E>> E byName(Class<E> type, String name) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String option = e.name().toLowerCase(Locale.ROOT);
            if (option.equals(name)) {
                return e;
            }
            names.append(names.length() == 0 ? "" : ", ").append(option);
        }
        throw new IllegalArgumentException("must be one of " + names + ", got " + name);
    }
}
