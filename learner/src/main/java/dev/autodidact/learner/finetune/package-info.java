/**
 * Few-label fine-tuning: a pretrained encoder without its pretraining heads, a new classification head, N labels per
 * class, the same network from scratch as the control, and a saved model that DJL's {@code Criteria} loads.
 */
package dev.autodidact.learner.finetune;
