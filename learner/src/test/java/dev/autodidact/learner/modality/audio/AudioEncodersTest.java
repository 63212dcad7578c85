package dev.autodidact.learner.modality.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.method.BlockState;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The three audio encoders: one feature vector per input for several input lengths, canonical clips and views alike;
 * the architecture survives its manifest entries and its checkpoint section; and the inputs each one refuses.
 */
class AudioEncodersTest {
    static final AudioConvEncoderSpec CONV = AudioConvEncoderSpec.of(16000, 16000, 64, new int[] {8, 16, 24});
    static final AudioVitEncoderSpec VIT = AudioVitEncoderSpec.of(16000, 16000, 64, 72, 8, 32, 2, 4, 2);
    static final AudioWaveformEncoderSpec GRU = AudioWaveformEncoderSpec.gru(16000, 16000, 16, 24);
    static final AudioWaveformEncoderSpec TRANSFORMER =
            AudioWaveformEncoderSpec.transformer(16000, 16000, 16, 24, 2, 4, false);
    static final AudioWaveformEncoderSpec CAUSAL_TRANSFORMER =
            AudioWaveformEncoderSpec.transformer(16000, 16000, 16, 24, 2, 4, true);

    static Tensor clip(int samples, long seed) {
        Random r = new Random(seed);
        short[] pcm = LogMelSpectrogramsTest.testSignal(samples);
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (pcm[i] / 2 + r.nextGaussian() * 500);
        }
        return Pcm16.tensor(pcm);
    }

    static Tensor logMelView(int frames, long seed) {
        Random r = new Random(seed);
        float[] v = new float[64 * frames];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (-15 + 5 * r.nextGaussian());
        }
        return Tensor.f32(new int[] {1, 64, frames}, v);
    }

    static Tensor waveform(int samples, long seed) {
        Random r = new Random(seed);
        float[] v = new float[samples];
        for (int i = 0; i < samples; i++) {
            v[i] = (float) (0.3 * Math.sin(i * 0.05) + 0.05 * r.nextGaussian());
        }
        return Tensor.f32(new int[] {samples}, v);
    }

    private static NDArray embed(Block network, NDManager m, NDArray input) {
        return network.forward(new ParameterStore(m, false), new NDList(input), false)
                .singletonOrThrow();
    }

    @Test
    void shouldEmbedSpectrogramsOfAnyLengthAndCanonicalClipsWithTheConvEncoder() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block network = CONV.build(m);
            for (int frames : new int[] {4, 40, 73, 98, 250}) {
                NDArray x = CONV.input(m, List.of(logMelView(frames, 1), logMelView(frames, 2)));
                assertThat(x.getShape()).isEqualTo(new Shape(2, 1, 64, frames));
                assertThat(embed(network, m, x).getShape())
                        .as("%d frames", frames)
                        .isEqualTo(new Shape(2, 24));
            }
            NDArray clips = CONV.input(m, List.of(clip(16000, 1), clip(16000, 2), clip(16000, 3)));
            assertThat(clips.getShape()).isEqualTo(CONV.inputShape(3));
            assertThat(embed(network, m, clips).getShape()).isEqualTo(new Shape(3, 24));
        }
    }

    @Test
    void shouldNormaliseCanonicalClipsIntoTheLogMelOfTheViews() {
        try (NDManager m = NDManager.newBaseManager()) {
            Tensor pcm = clip(16000, 4);
            float[] logMel =
                    CONV.spectrograms().logMel(m, List.of(Pcm16.samples(pcm))).toFloatArray();
            Tensor view = Tensor.f32(new int[] {1, 64, 98}, logMel);
            float[] fromClip = CONV.input(m, List.of(pcm)).toFloatArray();
            float[] fromView = CONV.input(m, List.of(view)).toFloatArray();
            assertThat(fromClip).containsExactly(fromView, within(1e-6f));
            assertThat(fromClip[0])
                    .isCloseTo((logMel[0] - Spectrograms.FSDD_MEAN) / Spectrograms.FSDD_STD, within(1e-5f));
        }
    }

    @Test
    void shouldEmbedTheTrainingGridAndLongerClipsWithTheAudioVit() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block network = VIT.build(m);
            assertThat(VIT.patchCount()).isEqualTo(8 * 9);
            NDArray views = VIT.input(m, List.of(logMelView(73, 1), logMelView(73, 2)));
            assertThat(views.getShape()).isEqualTo(VIT.inputShape(2));
            assertThat(embed(network, m, views).getShape()).isEqualTo(new Shape(2, 32));
            NDArray clips = VIT.input(m, List.of(clip(16000, 1)));
            assertThat(clips.getShape()).isEqualTo(new Shape(1, 1, 64, 96));
            assertThat(embed(network, m, clips).getShape()).isEqualTo(new Shape(1, 32));
            NDArray keep = m.create(new long[][] {{0, 8, 71}, {5, 6, 7}});
            NDArray kept = network.forward(new ParameterStore(m, false), new NDList(views, keep), false)
                    .singletonOrThrow();
            assertThat(kept.getShape()).isEqualTo(new Shape(2, 3, 32));
            assertThatThrownBy(() -> network.forward(new ParameterStore(m, false), new NDList(clips, keep), false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldCutAudioVitPatchesRowMajorOverMelAndFrame() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(64f * 72).reshape(1, 1, 64, 72);
            NDArray patches = VIT.patches(x);
            assertThat(patches.getShape()).isEqualTo(new Shape(1, 72, 64));
            // Patch 10 is row 1 (mels 8..15), column 1 (frames 8..15); its value 9 is mel 9, frame 9.
            assertThat(patches.getFloat(0, 10, 0)).isEqualTo(8 * 72 + 8);
            assertThat(patches.getFloat(0, 10, 9)).isEqualTo(9 * 72 + 9);
            assertThat(VIT.positions(16)).hasSize(72 * 16);
        }
    }

    @Test
    void shouldGiveOneLatentFramePer160SamplesAndEmbedAnyLengthWithTheWaveformEncoder() {
        assertThat(GRU.frames(16000)).isEqualTo(98);
        assertThat(GRU.frames(3200)).isEqualTo(18);
        assertThat(GRU.inputLength(1)).isEqualTo(465);
        assertThat(GRU.frames(465)).isEqualTo(1);
        assertThat(GRU.frames(464)).isZero();
        assertThat(GRU.inputLength(18)).isLessThanOrEqualTo(3200);
        assertThat(GRU.frames(GRU.inputLength(18))).isEqualTo(18);
        try (NDManager m = NDManager.newBaseManager()) {
            for (AudioWaveformEncoderSpec spec : List.of(GRU, TRANSFORMER)) {
                Block network = spec.build(m);
                for (int samples : new int[] {465, 3200, 16000}) {
                    NDArray x = spec.input(m, List.of(waveform(samples, 1), waveform(samples, 2)));
                    assertThat(x.getShape()).isEqualTo(new Shape(2, samples));
                    ParameterStore store = new ParameterStore(m, false);
                    NDArray z = spec.latents(network, store, x, false);
                    assertThat(z.getShape()).isEqualTo(new Shape(2, spec.frames(samples), 16));
                    assertThat(spec.context(network, store, z, false).getShape())
                            .isEqualTo(new Shape(2, spec.frames(samples), 24));
                    assertThat(embed(network, m, x).getShape())
                            .as("%s %d", spec.context(), samples)
                            .isEqualTo(new Shape(2, 24));
                }
                NDArray clips = spec.input(m, List.of(clip(16000, 1)));
                assertThat(clips.getShape()).isEqualTo(spec.inputShape(1));
                assertThat(clips.max().getFloat()).isLessThan(1f);
                assertThat(embed(network, m, clips).getShape()).isEqualTo(new Shape(1, 24));
            }
        }
    }

    @Test
    void shouldKeepTheCausalContextsBlindToLaterFrames() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (AudioWaveformEncoderSpec spec : List.of(GRU, CAUSAL_TRANSFORMER, TRANSFORMER)) {
                Engine.getInstance().setRandomSeed(5);
                Block network = spec.build(m);
                ParameterStore store = new ParameterStore(m, false);
                NDArray z = m.randomNormal(new Shape(1, 12, 16));
                NDArray changed = z.duplicate();
                changed.set(new ai.djl.ndarray.index.NDIndex(":, 8:, :"), m.randomNormal(new Shape(1, 4, 16)));
                NDArray before = spec.context(network, store, z, false).get(":, :8, :");
                NDArray after = spec.context(network, store, changed, false).get(":, :8, :");
                float difference = before.sub(after).abs().max().getFloat();
                if (spec.causal()) {
                    assertThat(difference).as("%s", spec).isLessThan(1e-5f);
                } else {
                    assertThat(difference).as("%s", spec).isGreaterThan(1e-3f);
                }
            }
        }
    }

    @Test
    void shouldRebuildEveryAudioArchitectureFromItsManifestEntriesAndCheckpoint() {
        for (EncoderArchitecture spec : List.of(CONV, VIT, GRU, TRANSFORMER, CAUSAL_TRANSFORMER)) {
            assertThat(spec.modality()).isEqualTo(Modality.AUDIO);
            EncoderArchitecture read = EncoderArchitectures.fromMap(spec.toMap());
            assertThat(read).isEqualTo(spec);
            assertThat(read.toMap()).isEqualTo(spec.toMap());
            try (NDManager m = NDManager.newBaseManager()) {
                Block trained = spec.build(m);
                Block loaded = read.build(m);
                BlockState.load(loaded, m, BlockState.save(trained));
                NDArray x = spec.input(m, List.of(clip(16000, 7)));
                assertThat(embed(loaded, m, x).toFloatArray())
                        .as("%s", spec.name())
                        .containsExactly(embed(trained, m, x).toFloatArray(), within(1e-6f));
            }
        }
        assertThat(EncoderRequirement.CAUSAL_FRAMES.accepts(GRU)).isTrue();
        assertThat(EncoderRequirement.CAUSAL_FRAMES.accepts(TRANSFORMER)).isFalse();
        assertThat(EncoderRequirement.FRAMES.accepts(TRANSFORMER)).isTrue();
        assertThat(EncoderRequirement.FRAMES.accepts(CONV)).isFalse();
        assertThat(EncoderRequirement.PATCH_TOKENS.accepts(VIT)).isTrue();
    }

    @Test
    void shouldRefuseManifestsThatAreIncompleteMalformedOrOverTheirCaps() {
        Map<String, String> noMels = new HashMap<>(CONV.toMap());
        noMels.remove("encoder.mels");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(noMels)).hasMessageContaining("encoder.mels");
        Map<String, String> huge = new HashMap<>(VIT.toMap());
        huge.put("encoder.dim", "1000000");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(huge)).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> long_ = new HashMap<>(GRU.toMap());
        long_.put("encoder.clip.samples", Integer.toString(61 * 16000));
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(long_)).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> context = new HashMap<>(GRU.toMap());
        context.put("encoder.context", "lstm");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(context)).hasMessageContaining("lstm");
        Map<String, String> acausalGru = new HashMap<>(GRU.toMap());
        acausalGru.put("encoder.context.causal", "false");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(acausalGru)).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> text = new HashMap<>(CONV.toMap());
        text.put("encoder.widths", "8,x");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(text)).hasMessageContaining("encoder.widths");
        assertThatThrownBy(() -> AudioVitEncoderSpec.of(16000, 16000, 60, 72, 8, 32, 2, 4, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptTheirInputsAndRefuseOthers() {
        CONV.checkInput(clip(16000, 1), true);
        CONV.checkInput(logMelView(73, 1), true);
        VIT.checkInput(clip(16000, 1), true);
        VIT.checkInput(logMelView(73, 1), true);
        VIT.checkInput(logMelView(96, 1), false);
        GRU.checkInput(clip(16000, 1), true);
        GRU.checkInput(waveform(12000, 1), true);
        assertThatThrownBy(() -> CONV.checkInput(clip(8000, 1), true)).hasMessageContaining("16000");
        assertThatThrownBy(() -> CONV.checkInput(logMelView(2, 1), true)).hasMessageContaining("frames");
        assertThatThrownBy(() -> CONV.checkInput(Tensor.f32(new int[] {1, 40, 73}, new float[40 * 73]), true))
                .hasMessageContaining("F32 [1, 64, F]");
        assertThatThrownBy(() -> CONV.checkInput(Tensor.u8(new int[] {64, 73, 3}, new byte[64 * 73 * 3]), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VIT.checkInput(logMelView(80, 1), true)).hasMessageContaining("72 to 79");
        assertThatThrownBy(() -> GRU.checkInput(waveform(400, 1), false)).hasMessageContaining("465");
        assertThatThrownBy(() -> GRU.checkInput(waveform(61 * 16000, 1), false)).hasMessageContaining("960000");
        assertThatThrownBy(() -> GRU.checkInput(Tensor.f32(new int[] {1, 16000}, new float[16000]), false))
                .hasMessageContaining("F32 [T]");
        assertThatThrownBy(() -> GRU.checkInput(Pcm16.tensor(new short[12000]), true))
                .hasMessageContaining("16000");
        assertThatThrownBy(() -> GRU.checkInput(
                        Tensor.i32(new int[] {3000}, IntStream.range(0, 3000).toArray()), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Pcm16.samples(Pcm16.tensor(new short[] {-32768, 5, 32767}))).containsExactly(-32768, 5, 32767);
        assertThat(DType.I16.bytes()).isEqualTo(2);
    }
}
