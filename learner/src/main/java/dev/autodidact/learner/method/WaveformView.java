package dev.autodidact.learner.method;

import dev.autodidact.learner.modality.FrameEncoder;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;

/** The check of the waveform view the frame methods (CPC, wav2vec 2.0) take, so that a bad one is dead-lettered. */
final class WaveformView {
    private WaveformView() {}

    /**
     * @param frames the fewest latent frames the method needs
     * @param why what the method needs them for, for the message
     * @throws IllegalArgumentException unless {@code view.0} is f32 {@code [T]} with T giving at least {@code frames}
     *     latent frames and within the encoder's cap
     */
    static void check(Example example, FrameEncoder encoder, int frames, String why) {
        Tensor view = example.array(ArrayNames.view(0));
        if (view.dtype() != DType.F32 || view.rank() != 1) {
            throw new IllegalArgumentException("'" + ArrayNames.view(0) + "' must be a waveform, F32 [T], got " + view);
        }
        int min = encoder.inputLength(frames);
        int length = view.dim(0);
        if (length < min || length > encoder.maxInputLength()) {
            throw new IllegalArgumentException("'" + ArrayNames.view(0) + "' has " + length + " samples, expected "
                    + min + " (" + frames + " latent frames: " + why + ") to " + encoder.maxInputLength());
        }
    }
}
