package dev.autodidact.cli.internal;

import dev.autodidact.learner.LearnerProgress;
import java.io.PrintStream;
import java.util.Locale;

/** The live one-line status of a run: steps, samples/s, loss, checkpoint version, embeddings published. */
public final class ProgressLine {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    public ProgressLine(PrintStream out) {
        this.out = out;
    }

    public void print(Pipeline p) {
        LearnerProgress lp = p.learner().progress();
        String embeddings = p.embedder() == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        " | embeddings %d (model v%d)",
                        p.embedder().published(),
                        p.embedder().modelVersion());
        out.printf(
                Locale.ROOT,
                "[%4.0fs] step %d | %.0f samples/s | loss %.4f | checkpoint v%d | fed %d%s%n",
                (System.nanoTime() - startNanos) / 1e9,
                lp.step(),
                lp.samplesPerSecond(),
                lp.loss(),
                lp.version(),
                p.feeder().produced(),
                embeddings);
        out.flush();
    }
}
