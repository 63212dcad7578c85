package dev.autodidact.learner.modality.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.autodidact.learner.MaskedPatchExamples;
import dev.autodidact.learner.method.MaeMethod;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.PatchEncoder;
import dev.autodidact.learner.model.TransformerBlock;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * MAE's encoder sees the visible tokens only: every Transformer block of the ViT, instrumented to record the sequence
 * length of each forward pass, gets V tokens during MAE's loss (and its backward pass), never the P patches of the
 * image, while the same blocks get all P when the encoder embeds.
 */
class MaeEncoderSequenceTest {
    private static final VitEncoderSpec VIT = VitEncoderSpec.of(16, 4, 32, 3, 2, 2);
    private static final int VISIBLE = 4;

    @Test
    void shouldRunTheEncoderBlocksOnTheVisibleTokensOnly() {
        List<Long> lengths = new CopyOnWriteArrayList<>();
        PatchEncoder instrumented = new Instrumented(VIT, lengths);
        try (NDManager root = NDManager.newBaseManager()) {
            MaeMethod method = new MaeMethod(root, instrumented, new MaeMethod.Settings(16, 1, 2, true));
            lengths.clear();
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(1e-3f, 0),
                    new Collator(instrumented));
            assertThat(step.run(0, MaskedPatchExamples.batch(8, 16, 4, VISIBLE, 1))
                            .applied())
                    .isTrue();
            assertThat(lengths).hasSize(VIT.depth()).containsOnly((long) VISIBLE);

            lengths.clear();
            try (NDManager scope = root.newSubManager()) {
                NDArray images = instrumented.input(
                        scope,
                        MaskedPatchExamples.batch(2, 16, 4, VISIBLE, 2).examples().stream()
                                .map(e -> e.array("view.0"))
                                .toList());
                NDArray features = method.encoder()
                        .forward(new ParameterStore(scope, false), new NDList(images), false)
                        .singletonOrThrow();
                assertThat(features.getShape()).isEqualTo(new Shape(2, VIT.dim()));
            }
            assertThat(lengths).hasSize(VIT.depth()).containsOnly((long) VIT.patchCount());
        }
    }

    /** A Transformer block that records the sequence length of every input it gets. */
    private static final class RecordingBlock extends TransformerBlock {
        private final List<Long> lengths;

        RecordingBlock(int dim, int heads, int hidden, List<Long> lengths) {
            super(dim, heads, hidden);
            this.lengths = lengths;
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            lengths.add(inputs.singletonOrThrow().getShape().get(1));
            return super.forwardInternal(store, inputs, training, params);
        }
    }

    /** The ViT spec with recording blocks in its network; everything else is the spec's own. */
    private record Instrumented(VitEncoderSpec spec, List<Long> lengths) implements PatchEncoder {
        @Override
        public Block network() {
            return new VitEncoder(
                    spec, () -> new RecordingBlock(spec.dim(), spec.heads(), spec.dim() * spec.mlpRatio(), lengths));
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public Modality modality() {
            return spec.modality();
        }

        @Override
        public int featureDim() {
            return spec.featureDim();
        }

        @Override
        public Map<String, String> toMap() {
            return spec.toMap();
        }

        @Override
        public Shape inputShape(int n) {
            return spec.inputShape(n);
        }

        @Override
        public NDArray input(NDManager manager, List<Tensor> arrays) {
            return spec.input(manager, arrays);
        }

        @Override
        public void checkInput(Tensor array, boolean canonical) {
            spec.checkInput(array, canonical);
        }

        @Override
        public int patchCount() {
            return spec.patchCount();
        }

        @Override
        public int patchValues() {
            return spec.patchValues();
        }

        @Override
        public NDArray patches(NDArray inputs) {
            return spec.patches(inputs);
        }

        @Override
        public float[] positions(int dim) {
            return spec.positions(dim);
        }
    }
}
