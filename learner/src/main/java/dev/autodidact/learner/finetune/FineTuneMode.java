package dev.autodidact.learner.finetune;

import java.util.Locale;

/**
 * What fine-tuning updates.
 *
 * <ul>
 *   <li>{@link #LINEAR}: the head only. The encoder is frozen and runs in inference mode, so its batch-norm statistics
 *       are kept from pretraining (they describe the pretraining stream, which is what the weights were fitted to).</li>
 *   <li>{@link #FULL}: the whole network, the encoder at a smaller learning rate. Batch norm runs in training mode and
 *       its statistics are re-estimated on the labeled data, as they must be once the weights move.</li>
 * </ul>
 */
public enum FineTuneMode {
    LINEAR,
    FULL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
