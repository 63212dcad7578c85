package dev.autodidact.learner.finetune;

/**
 * Hyper-parameters of one fine-tuning run.
 *
 * @param labelsPerClass labeled examples drawn per class
 * @param mode what is updated
 * @param steps optimizer steps (the same for the pretrained and the scratch network)
 * @param batchSize examples per step (capped at the labeled set size)
 * @param learningRate AdamW learning rate of the head (and of the scratch network's encoder)
 * @param encoderLearningRateScale multiplier of the learning rate for a pretrained encoder in {@link FineTuneMode#FULL}
 * @param weightDecay decoupled weight decay
 * @param seed seed of the label draw, the head initialisation and the augmentation
 */
public record FineTuneSettings(
        int labelsPerClass,
        FineTuneMode mode,
        int steps,
        int batchSize,
        float learningRate,
        float encoderLearningRateScale,
        float weightDecay,
        long seed) {
    public FineTuneSettings {
        if (labelsPerClass < 1 || steps < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "labels per class, steps, batch size and learning rate must be positive");
        }
    }

    public static FineTuneSettings defaults(int labelsPerClass, FineTuneMode mode) {
        return new FineTuneSettings(labelsPerClass, mode, 300, 64, 1e-3f, 0.5f, 1e-4f, 7);
    }
}
