package dev.modelcards.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on the terminal, and nothing at all when output is redirected (the bar writes control
 * characters that would garble logs and reports).
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    Progress(String task, long total) {
        this.bar = System.console() != null
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).continuousUpdate().build()
                : null;
    }

    void step(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
