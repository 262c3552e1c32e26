package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import io.github.backprop4j.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsListenerTest {

    private static DiagnosticsListener fit(int epochs, int every) {
        Sequential model = StepTraceTest.tinyNetwork();
        MSELoss loss = new MSELoss();
        DiagnosticsListener listener = new DiagnosticsListener(model, loss, every);
        Trainer.builder(model, loss, new SGD(model.parameters(), 0.1)).epochs(epochs)
                .batchSize(2).progressBar(false).listener(listener).build()
                .fit(new Dataset(StepTraceTest.X, StepTraceTest.Y));
        assertNull(model.observer());
        return listener;
    }

    @Test
    void trainer_firstEpochIsTheWorkedStep_reportedAsDiagnosticsSeesIt() {
        DiagnosticsListener listener = fit(3, 1);
        // The first batch is the whole data: Ŷ = [0.875; 0.125], L = 0.015625, var T = 0.25
        assertEquals(new Diagnostics.InitialLoss(0.015625, 0.25, "MSELoss(reduction=MEAN)"),
                listener.initialLoss());
        List<Diagnostics.Report> reports = listener.reports();
        assertEquals(3, reports.size());
        Diagnostics.Report first = reports.get(0);
        assertEquals(1, first.steps());
        assertEquals(new Diagnostics.LayerStats(2, "Linear(2→1)", 0.5, 0.375, 0, 1),
                first.layers().get(2));
        assertEquals(0.125, first.parameters().get(1).gradientNorm(), 1e-15);
        assertEquals(0.0125 / Math.sqrt(0.125), first.parameters().get(1).updateRatio(), 1e-12);
    }

    @Test
    void trainer_everyTwoEpochs_oneReportOverTwoSteps() {
        List<Diagnostics.Report> reports = fit(3, 2).reports();
        assertEquals(1, reports.size());
        assertEquals(2, reports.get(0).steps());
    }

    @Test
    void constructor_everyZero_throws() {
        Sequential model = StepTraceTest.tinyNetwork();
        assertEquals("DiagnosticsListener: every must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class,
                    () -> new DiagnosticsListener(model, new MSELoss(), 0)).getMessage());
    }

    @Test
    void initialLoss_beforeTraining_isNull() {
        assertNull(new DiagnosticsListener(StepTraceTest.tinyNetwork(), new MSELoss(), 1)
                .initialLoss());
    }
}
