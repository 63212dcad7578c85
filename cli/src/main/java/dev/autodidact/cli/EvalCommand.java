package dev.autodidact.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.learner.eval.Evaluation;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** kNN and linear-probe accuracy of a checkpoint on labeled folders, printed as one JSON line. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate a checkpoint on labeled folders laid out as <root>/<class>/<file>; prints one JSON line.")
public final class EvalCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            description = "Checkpoint directory (a version or a root of versions).")
    Path checkpoint;

    @Option(names = "--train", required = true, description = "Labeled images: kNN memory bank and probe training set.")
    Path train;

    @Option(names = "--test", required = true, description = "Labeled images to classify.")
    Path test;

    @Option(names = "--k", defaultValue = "20", description = "Neighbours for kNN (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
            names = "--temperature",
            defaultValue = "0.07",
            description = "kNN vote temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Override
    public Integer call() throws Exception {
        System.out.println(new ObjectMapper().writeValueAsString(evaluate(checkpoint, train, test, k, temperature)));
        return 0;
    }

    static Map<String, Object> evaluate(Path checkpointDir, Path train, Path test, int k, double temperature) {
        EvaluationInputs in = EvaluationInputs.load(checkpointDir, train, test);
        return new Evaluation(k, temperature).evaluate(in.checkpoint(), in.train(), in.test());
    }
}
