package io.github.backprop4j.train;

import io.github.backprop4j.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes one CSV row per epoch, {@code epoch,steps,lr,loss,val_loss,...}: the listener behind
 * {@link TrainerBuilder#csvLog}. The whole file is rewritten atomically after each epoch, so that
 * it is always complete; numbers are written with {@link Double#toString(double)}, which reads
 * back to the same double.
 */
final class CsvLog implements TrainingListener {

    private final Path file;
    private final StringBuilder text = new StringBuilder();

    CsvLog(Path file) {
        this.file = file;
    }

    @Override
    public void onTrainingStart(io.github.backprop4j.layers.Layer model,
                                io.github.backprop4j.optim.Optimizer optimizer, int epochs) {
        text.setLength(0);
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        if (text.length() == 0) {
            text.append("epoch,steps,lr");
            for (String name : epoch.values().keySet()) {
                text.append(',').append(name);
            }
            text.append('\n');
        }
        text.append(epoch.epoch()).append(',').append(epoch.steps()).append(',')
                .append(epoch.learningRate());
        for (Map.Entry<String, Double> e : epoch.values().entrySet()) {
            text.append(',').append(e.getValue().doubleValue());
        }
        text.append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Trainer: could not write the CSV log " + file
                    + " after epoch " + epoch.epoch(), e);
        }
    }
}
