package dev.trustmap.ui.lab;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/** Paces the replayed attack on the FX thread: one probe every {@code period}, so each can be followed by eye. */
final class FxReplayClock implements AttackReplayViewModel.Clock {
    static final Duration PERIOD = Duration.millis(400);

    private Timeline timeline;

    @Override
    public void start(Runnable tick) {
        assert Platform.isFxApplicationThread();
        stop();
        timeline = new Timeline(new KeyFrame(PERIOD, e -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
