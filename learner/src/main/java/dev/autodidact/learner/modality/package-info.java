/**
 * What the learner knows about a modality, behind interfaces the training loop, checkpoints, health, the embedder,
 * eval and fine-tuning share: an {@link dev.autodidact.learner.modality.EncoderArchitecture} rebuilt from the
 * manifest's {@code encoder} entry (the network and how examples' arrays become its input), optionally a
 * {@link dev.autodidact.learner.modality.PixelEncoder} (its input as a pixel grid, in whose space the dense methods
 * compare their reconstructions) and a {@link dev.autodidact.learner.modality.FeatureMapEncoder} (also its spatial map
 * before pooling, for the dense methods' map decoders), the
 * {@link dev.autodidact.learner.modality.Collator} that turns examples into the loss's {@code NDList}, and a
 * {@link dev.autodidact.learner.modality.ModalityKit} per modality for what comes from outside the topics (labeled
 * folders, raw probe records, raw-feature baselines). A method that needs more of its encoder than features says so
 * with an {@link dev.autodidact.learner.modality.EncoderRequirement}; MAE's is a
 * {@link dev.autodidact.learner.modality.PatchEncoder}, run on a subset of its patch tokens, CPC's and wav2vec 2.0's a
 * {@link dev.autodidact.learner.modality.FrameEncoder}, whose latent frames and context network they run apart. Image
 * support lives in {@code modality.image}, audio support in {@code modality.audio}.
 */
package dev.autodidact.learner.modality;
