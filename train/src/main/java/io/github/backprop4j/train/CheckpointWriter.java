package io.github.backprop4j.train;

import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.optim.LRScheduler;
import io.github.backprop4j.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Saves a checkpoint every {@code every} epochs and keeps the newest {@code keep} it wrote: the
 * listener behind {@link TrainerBuilder#checkpoints}. Each file is written atomically by
 * {@link Checkpoint}, so a run killed while saving leaves the previous files whole.
 */
final class CheckpointWriter implements TrainingListener {

    private final Path folder;
    private final int every;
    private final int keep;
    private final Stateful model;
    private final Optimizer optimizer;
    private final LRScheduler scheduler;
    private final Deque<Path> written = new ArrayDeque<>();

    CheckpointWriter(Path folder, int every, int keep, Stateful model, Optimizer optimizer,
                     LRScheduler scheduler) {
        this.folder = folder;
        this.every = every;
        this.keep = keep;
        this.model = model;
        this.optimizer = optimizer;
        this.scheduler = scheduler;
    }

    /**
     * The file of an epoch's checkpoint.
     *
     * @param folder the checkpoint folder
     * @param epoch  the epoch, from 1
     * @return {@code folder/epoch-00012.safetensors}
     */
    static Path file(Path folder, int epoch) {
        return folder.resolve(String.format("epoch-%05d.safetensors", epoch));
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        if (epoch.epoch() % every != 0) {
            return;
        }
        Path path = file(folder, epoch.epoch());
        try {
            if (scheduler == null) {
                Checkpoint.save(path, model, optimizer, optimizer.steps());
            } else {
                Checkpoint.save(path, model, optimizer, scheduler, optimizer.steps());
            }
            written.addLast(path);
            while (written.size() > keep) {
                Files.deleteIfExists(written.removeFirst());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Trainer: could not write the checkpoint " + path
                    + " after epoch " + epoch.epoch(), e);
        }
    }
}
