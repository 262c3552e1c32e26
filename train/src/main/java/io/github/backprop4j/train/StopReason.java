package io.github.backprop4j.train;

/**
 * Why a {@link Trainer} run ended. (A loss that becomes NaN or infinite does not end a run
 * quietly: {@link Trainer#fit} throws {@link TrainingDivergedException}.)
 */
public enum StopReason {

    /** Every epoch asked for ran. */
    COMPLETED,

    /** The monitored value stopped improving for {@code patience} epochs. */
    EARLY_STOPPED
}
