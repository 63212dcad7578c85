package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.audio.AudioConvEncoderSpec;
import dev.autodidact.learner.modality.audio.Pcm16;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The waveform methods refuse, with a reason for the dead-letter topic, an example whose {@code view.0} is not an f32
 * waveform of a length they can learn from; the learner's validator (the encoder's check, then the method's) does too;
 * and they refuse an encoder without latent frames, or CPC one without a causal context.
 */
class AudioExampleCheckTest {

    private static Example withView(Tensor view) {
        return Example.builder(Modality.AUDIO)
                .put(ArrayNames.INPUT, Pcm16.tensor(new short[AudioMethodFixtures.SAMPLES]))
                .put(ArrayNames.view(0), view)
                .build();
    }

    @Test
    void shouldRefuseViewsOfTheWrongTypeRankOrLength() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (SslMethod method : new SslMethod[] {
                AudioMethodFixtures.create(CpcMethod.NAME, m), AudioMethodFixtures.create(Wav2Vec2Method.NAME, m)
            }) {
                assertThatCode(() -> method.checkExample(
                                AudioMethodFixtures.example(AudioMethodFixtures.signal(new Random(1), 4800))))
                        .doesNotThrowAnyException();
                assertThatThrownBy(() -> method.checkExample(withView(Pcm16.tensor(new short[4800]))))
                        .hasMessageContaining("F32 [T]");
                assertThatThrownBy(() ->
                                method.checkExample(withView(Tensor.f32(new int[] {1, 4800}, new float[4800]))))
                        .hasMessageContaining("F32 [T]");
                assertThatThrownBy(() -> method.checkExample(withView(Tensor.f32(new int[] {1000}, new float[1000]))))
                        .hasMessageContaining("1000 samples");
                assertThatThrownBy(() ->
                                method.checkExample(withView(Tensor.f32(new int[] {1 << 20}, new float[1 << 20]))))
                        .hasMessageContaining("960000");
            }
        }
    }

    @Test
    void shouldNameTheFramesEachMethodNeeds() {
        try (NDManager m = NDManager.newBaseManager()) {
            // CPC with K = 4 needs 5 frames: 1105 samples; wav2vec 2.0 with spans of 4 needs 5 too.
            SslMethod cpc = AudioMethodFixtures.create(CpcMethod.NAME, m);
            assertThatCode(() -> cpc.checkExample(withView(Tensor.f32(new int[] {1105}, new float[1105]))))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> cpc.checkExample(withView(Tensor.f32(new int[] {1104}, new float[1104]))))
                    .hasMessageContaining("5 latent frames")
                    .hasMessageContaining("4 frames ahead");
            SslMethod wav2vec2 = AudioMethodFixtures.create(Wav2Vec2Method.NAME, m);
            assertThatThrownBy(() -> wav2vec2.checkExample(withView(Tensor.f32(new int[] {1104}, new float[1104]))))
                    .hasMessageContaining("spans of 4");
        }
    }

    @Test
    void shouldRefuseThroughTheLearnersValidatorToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            SslMethod method = AudioMethodFixtures.create(Wav2Vec2Method.NAME, m);
            ExampleValidator validator = new ExampleValidator(
                    method.inputs(), method.canonicalInputs(), AudioMethodFixtures.TRANSFORMER, method::checkExample);
            validator.check(AudioMethodFixtures.example(AudioMethodFixtures.signal(new Random(2), 4800)));
            assertThatThrownBy(() -> validator.check(withView(Tensor.f32(new int[] {300}, new float[300]))))
                    .hasMessageContaining("view.0");
            assertThatThrownBy(() -> validator.check(
                            AudioMethodFixtures.example(AudioMethodFixtures.signal(new Random(3), 6400))))
                    .hasMessageContaining("earlier examples");
        }
    }

    @Test
    void shouldRefuseAnEncoderWithoutLatentFramesOrWithoutACausalContext() {
        try (NDManager m = NDManager.newBaseManager()) {
            AudioConvEncoderSpec conv = AudioConvEncoderSpec.of(16000, 16000, 64, new int[] {8});
            assertThatThrownBy(() -> new Wav2Vec2Method(m, conv, AudioMethodFixtures.WAV2VEC2))
                    .hasMessageContaining("latent frames");
            assertThatThrownBy(() -> new CpcMethod(m, AudioMethodFixtures.TRANSFORMER, AudioMethodFixtures.CPC))
                    .hasMessageContaining("autoregressive");
        }
    }
}
