package dev.autodidact.cli.report;

import java.util.List;

/** The line charts of a report: which manifest metrics each one draws, and what the curve tells. */
public enum ReportCurve {
    LOSS(
            "loss",
            "Training loss",
            "loss",
            "falls, then flattens",
            "The SSL loss of the last step before each checkpoint (NT-Xent for SimCLR), noisy, with its moving mean over "
                    + "10 versions once there are 20. It should fall and flatten; "
                    + "a loss that keeps falling while std drops towards 0 is collapse, not learning.",
            List.of("loss"),
            List.of("loss")),
    PROBE(
            "probe",
            "Probe accuracy",
            "top-1 accuracy",
            "frozen features, labeled probe topic; higher is better",
            "Top-1 accuracy of a kNN classifier and a linear probe on the frozen features of the labeled probe "
                    + "topic: the only curves that use labels, and the one that says whether the features are useful.",
            List.of("probe.knn.top1", "probe.linear.top1"),
            List.of("kNN", "linear")),
    RANKME(
            "rankme",
            "RankMe (effective rank)",
            "effective rank",
            "1 = collapsed to a line, up to d",
            "Effective rank of the embeddings of a recent sample (Garrido et al. 2023): how many dimensions are "
                    + "really used, from 1 (everything on one line) up to the dimension d; higher is healthier.",
            List.of("health.rankme"),
            List.of("RankMe")),
    STD(
            "std",
            "Std of normalised embeddings",
            "std",
            "healthy ~ 1/sqrt(d), collapse -> 0",
            "Mean per-dimension standard deviation of the L2-normalised embeddings of a recent sample (SimSiam's "
                    + "collapse detector): about 1/sqrt(d) (dashed line) when spread over the sphere, near 0 = collapse.",
            List.of("health.std"),
            List.of("std")),
    THROUGHPUT(
            "throughput",
            "Throughput",
            "samples / s",
            "learner's rate and between checkpoints",
            "Examples trained per second: as the learner reports it, and between consecutive checkpoints (change in "
                    + "samples seen over change in publication time, which includes checkpointing and evaluation).",
            List.of("samples.per.second"),
            List.of("learner")),
    ALIGNMENT(
            "alignment",
            "Alignment",
            "alignment",
            "two views of one image; lower is better",
            "Mean squared distance between the normalised embeddings of two views of the same image (Wang and Isola "
                    + "2020): lower is better, but 0 together with uniformity near 0 means everything collapsed.",
            List.of("health.alignment"),
            List.of("alignment")),
    UNIFORMITY(
            "uniformity",
            "Uniformity",
            "uniformity",
            "0 = one point, -4 = spread over the sphere",
            "Log of the mean Gaussian potential between normalised embeddings (Wang and Isola 2020): 0 when all "
                    + "points coincide, down to -4 when they spread evenly over the sphere; lower is better.",
            List.of("health.uniformity"),
            List.of("uniformity")),
    DRIFT(
            "drift",
            "Drift between versions",
            "mean cosine distance",
            "how far the representation moved",
            "Mean cosine distance between this version's and the previous version's embeddings of the same sample: "
                    + "how much the representation moved in one checkpoint interval; it should shrink as training settles.",
            List.of("health.drift"),
            List.of("drift")),
    SKIPPED(
            "skipped",
            "Skipped steps",
            "steps",
            "non-finite loss or gradients; should stay flat",
            "Steps the learner skipped since the start because the loss or gradients were not finite; a rising "
                    + "curve means unstable training (learning rate too high, bad inputs).",
            List.of("skipped.steps"),
            List.of("skipped"));

    private final String id;
    private final String title;
    private final String yLabel;
    private final String hint;
    private final String explanation;
    private final List<String> metrics;
    private final List<String> names;

    ReportCurve(
            String id,
            String title,
            String yLabel,
            String hint,
            String explanation,
            List<String> metrics,
            List<String> names) {
        this.id = id;
        this.title = title;
        this.yLabel = yLabel;
        this.hint = hint;
        this.explanation = explanation;
        this.metrics = metrics;
        this.names = names;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String yLabel() {
        return yLabel;
    }

    /** A few words under the chart's title, for the PNG on its own. */
    public String hint() {
        return hint;
    }

    public String explanation() {
        return explanation;
    }

    /** The manifest metric keys drawn, one series each. */
    public List<String> metrics() {
        return metrics;
    }

    /** The legend entry of each metric. */
    public List<String> seriesNames() {
        return names;
    }
}
