package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.audio.AudioWaveformEncoderSpec;
import dev.autodidact.learner.modality.audio.Pcm16;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/**
 * Tiny waveform encoders and a learnable synthetic signal for the waveform methods: each clip is a mixture of two
 * tones gliding in frequency, so that the frames ahead, and the frames under a mask, follow from the frames around
 * them, every frame of a clip differs from the others, and the starts, rates and loudness vary from clip to clip.
 */
final class AudioMethodFixtures {
    static final int SAMPLES = 4800;
    /** 28 latent frames of 4800 samples. */
    static final AudioWaveformEncoderSpec GRU = AudioWaveformEncoderSpec.gru(16000, SAMPLES, 32, 32);

    static final AudioWaveformEncoderSpec TRANSFORMER =
            AudioWaveformEncoderSpec.transformer(16000, SAMPLES, 32, 32, 2, 4, false);
    static final CpcMethod.Settings CPC = new CpcMethod.Settings(4, 32);
    /** Without the feature penalty, so that the loss is the contrastive task alone. */
    static final Wav2Vec2Method.Settings WAV2VEC2 = new Wav2Vec2Method.Settings(0.065, 4, 100, 0.1f, 0f, 128, true);

    /** Tones to draw from: log-spaced from 200 Hz to 4 kHz. */
    private static final int TONES = 12;
    /** Samples per tone: one latent frame. */
    private static final int SEGMENT = 160;
    /** Tones per cycle. */
    private static final int PERIOD = 4;

    /**
     * Tones of one latent frame each ({@link #SEGMENT} samples, aligned with the frames), cycling through a pattern of
     * {@link #PERIOD} tones drawn from {@link #TONES}, from a random place in the cycle, with a random gain and a little
     * noise: every frame of a cycle sounds different, and repeats {@link #PERIOD} frames later.
     */
    static float[] signal(Random r, int samples) {
        double[] pattern = new double[PERIOD];
        for (int i = 0; i < PERIOD; i++) {
            pattern[i] = 200 * Math.pow(20, r.nextInt(TONES) / (TONES - 1.0));
        }
        int offset = r.nextInt(PERIOD);
        double gain = 0.2 + 0.5 * r.nextDouble();
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            double f = pattern[(i / SEGMENT + offset) % PERIOD];
            x[i] = (float) (gain * Math.sin(2 * Math.PI * f * i / 16000) + 0.01 * r.nextGaussian());
        }
        return x;
    }

    /** A {@code waveform} example: the view and the clip as the clean input. */
    static Example example(float[] view) {
        short[] pcm = new short[view.length];
        for (int i = 0; i < view.length; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(view[i] * 32768)));
        }
        return Example.builder(Modality.AUDIO)
                .meta(Example.RECIPE, ExampleRecipe.WAVEFORM.id())
                .put(ArrayNames.INPUT, Pcm16.tensor(pcm))
                .put(ArrayNames.view(0), Tensor.f32(new int[] {view.length}, view))
                .build();
    }

    static ExampleBatch batch(int n, long seed) {
        Random r = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(example(signal(r, SAMPLES)));
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    static SslMethod create(String name, NDManager manager) {
        return switch (name) {
            case CpcMethod.NAME -> new CpcMethod(manager, GRU, CPC);
            case Wav2Vec2Method.NAME -> new Wav2Vec2Method(manager, TRANSFORMER, WAV2VEC2);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static AudioWaveformEncoderSpec encoder(String name) {
        return name.equals(CpcMethod.NAME) ? GRU : TRANSFORMER;
    }
}
