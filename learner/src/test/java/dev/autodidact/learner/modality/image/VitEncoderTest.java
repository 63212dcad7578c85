package dev.autodidact.learner.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.method.BlockState;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ViT encoder: the representation is (N, dim) like the conv encoder's, the kept-token path returns (N, V, dim)
 * states that the other patches do not influence, the patch targets follow the patch order, and the architecture
 * survives a manifest and a checkpoint section while its caps hold.
 */
class VitEncoderTest {
    private static final VitEncoderSpec SPEC = VitEncoderSpec.of(16, 4, 32, 2, 4, 2);

    private static List<Tensor> images(int n, long seed) {
        Random r = new Random(seed);
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] px = new byte[16 * 16 * 3];
            r.nextBytes(px);
            out.add(Tensor.wrap(DType.U8, new int[] {16, 16, 3}, px));
        }
        return out;
    }

    @Test
    void shouldOutputOneFeatureVectorPerImageOnAllPatches() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block vit = SPEC.build(m);
            NDArray x = SPEC.input(m, images(3, 1));
            NDArray features = vit.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            assertThat(features.getShape().getShape()).containsExactly(3, 32);
            assertThat(vit.getOutputShapes(new ai.djl.ndarray.types.Shape[] {SPEC.inputShape(3)})[0])
                    .isEqualTo(features.getShape());
            assertThat(SPEC.featureDim()).isEqualTo(32);
        }
    }

    @Test
    void shouldEncodeOnlyTheKeptPatchesUninfluencedByTheOthers() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            Block vit = SPEC.build(m);
            ParameterStore store = new ParameterStore(m, false);
            List<Tensor> original = images(2, 3);
            // Patch 0 (rows 0-3, columns 0-3) replaced by other pixels in every image.
            List<Tensor> changed = new ArrayList<>();
            for (Tensor t : original) {
                byte[] px = t.bytes().clone();
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4 * 3; x++) {
                        px[y * 16 * 3 + x] ^= (byte) 0x5a;
                    }
                }
                changed.add(Tensor.wrap(DType.U8, new int[] {16, 16, 3}, px));
            }
            NDArray keep = m.create(new int[] {5, 1, 15, 2, 3, 9}, new ai.djl.ndarray.types.Shape(2, 3));
            NDArray a = SPEC.encodeKept(vit, store, SPEC.input(m, original), keep, false);
            NDArray b = SPEC.encodeKept(vit, store, SPEC.input(m, changed), keep, false);
            assertThat(a.getShape().getShape()).containsExactly(2, 3, 32);
            assertThat(a.allClose(b, 0, 0, false)).as("patch 0 is not kept").isTrue();

            NDArray allA = vit.forward(store, new NDList(SPEC.input(m, original)), false)
                    .singletonOrThrow();
            NDArray allB = vit.forward(store, new NDList(SPEC.input(m, changed)), false)
                    .singletonOrThrow();
            assertThat(allA.allClose(allB, 1e-4, 1e-4, false))
                    .as("on all patches it does see patch 0")
                    .isFalse();
        }
    }

    @Test
    void shouldCutPatchesInRowMajorOrderWithPixelsAndChannelsInside() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = SPEC.input(m, images(2, 4));
            float[] chw = x.toFloatArray();
            NDArray patches = SPEC.patches(x);
            assertThat(patches.getShape().getShape()).containsExactly(2, 16, 48);
            float[] got = patches.toFloatArray();
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 16; y++) {
                        for (int xx = 0; xx < 16; xx++) {
                            int patch = (y / 4) * 4 + xx / 4;
                            int inside = ((y % 4) * 4 + xx % 4) * 3 + c;
                            assertThat(got[(n * 16 + patch) * 48 + inside])
                                    .isEqualTo(chw[((n * 3 + c) * 16 + y) * 16 + xx]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldRoundTripItsManifestEntriesAndCheckpointSection() {
        Map<String, String> manifest = SPEC.toMap();
        assertThat(manifest).containsEntry("encoder", "vit");
        assertThat(EncoderArchitectures.fromMap(manifest)).isEqualTo(SPEC);

        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            Block trained = SPEC.build(m);
            byte[] section = BlockState.save(trained);
            Engine.getInstance().setRandomSeed(9);
            Block restored = EncoderArchitectures.fromMap(manifest).build(m);
            NDArray x = SPEC.input(m, images(2, 5));
            NDArray before = restored.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            BlockState.load(restored, m, section);
            // A parameter store keeps the arrays it has handed out: a new one sees the loaded weights.
            ParameterStore store = new ParameterStore(m, false);
            NDArray expected = trained.forward(store, new NDList(x), false).singletonOrThrow();
            NDArray after = restored.forward(store, new NDList(x), false).singletonOrThrow();
            assertThat(before.allClose(expected, 1e-4, 1e-4, false)).isFalse();
            assertThat(after.allClose(expected, 0, 0, false)).isTrue();
            assertThat(BlockState.save(restored)).isEqualTo(section);
        }
    }

    @Test
    void shouldRejectManifestValuesOverTheirCapsBeforeBuilding() {
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.dim", "8192")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dim 8192");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.depth", "49")))
                .hasMessageContaining("depth 49");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.heads", "3")))
                .as("dim 32 is not a multiple of 3 heads")
                .hasMessageContaining("heads 3");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.patch.size", "5")))
                .as("16 px is not a multiple of 5")
                .hasMessageContaining("patch 5");
        Map<String, String> tooManyPatches = with("encoder.patch.size", "1");
        tooManyPatches.put("encoder.input.size", "128");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(tooManyPatches))
                .as("128 x 128 patches of 1 px is over the cap of 4096")
                .hasMessageContaining("patch 1");
        assertThat(VitEncoderSpec.of(64, 1, 32, 1, 1, 1).patchCount()).isEqualTo(4096);
        Map<String, String> huge = with("encoder.dim", "4096");
        huge.put("encoder.depth", "48");
        huge.put("encoder.mlp.ratio", "16");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(huge))
                .as("each value within its cap, the network over the weight cap")
                .hasMessageContaining("more than the cap");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.mlp.ratio", "99")))
                .hasMessageContaining("MLP ratio 99");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.dim", "1".repeat(100))))
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(with("encoder.depth", "six")))
                .isInstanceOf(NumberFormatException.class);
        Map<String, String> missing = new HashMap<>(SPEC.toMap());
        missing.remove("encoder.heads");
        assertThatThrownBy(() -> EncoderArchitectures.fromMap(missing)).hasMessageContaining("encoder.heads");
    }

    @Test
    void shouldTakeOnlyItsOwnImageSize() {
        Tensor small = Tensor.wrap(DType.U8, new int[] {8, 8, 3}, new byte[8 * 8 * 3]);
        assertThatThrownBy(() -> SPEC.checkInput(small, false)).hasMessageContaining("16x16 only");
        SPEC.checkInput(images(1, 1).get(0), true);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = new HashMap<>(SPEC.toMap());
        m.put(key, value);
        return m;
    }
}
