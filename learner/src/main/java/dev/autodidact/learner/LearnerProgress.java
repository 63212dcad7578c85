package dev.autodidact.learner;

/**
 * A snapshot of where training stands, for progress lines and tests.
 *
 * @param step optimizer steps since random initialisation
 * @param samplesSeen examples trained on since random initialisation
 * @param loss loss of the last step (NaN before the first)
 * @param samplesPerSecond throughput over the recent window
 * @param version newest published checkpoint version, 0 if none
 * @param skippedSteps steps skipped in this run because the loss was not finite
 */
public record LearnerProgress(
        long step, long samplesSeen, double loss, double samplesPerSecond, long version, long skippedSteps) {}
