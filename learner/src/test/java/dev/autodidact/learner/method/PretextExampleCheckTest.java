package dev.autodidact.learner.method;

import static dev.autodidact.learner.method.MethodFixtures.SPEC;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What RotNet and jigsaw accept from the examples topic: a {@code target} of the contract's type and length whose
 * values name a class the head has, and for jigsaw exactly {@code grid^2} square tile views of one size. Anything else
 * is refused with a reason (the validator sends it to the dead-letter topic), before it can reach a batch, where an
 * index out of range or a tile too many would fail the whole step or train on the wrong puzzle.
 */
class PretextExampleCheckTest {
    private static final int PERMUTATIONS = 24;

    private static Example withTarget(Example example, Tensor target) {
        Map<String, Tensor> arrays = new LinkedHashMap<>(example.arrays());
        arrays.put(ArrayNames.TARGET, target);
        return new Example(arrays, example.metadata());
    }

    private static Example rotation(int... turns) {
        return withTarget(
                PretextFixtures.rotationBatch(1, 1).examples().get(0), Tensor.i32(new int[] {turns.length}, turns));
    }

    private static Example jigsaw(int index) {
        return withTarget(
                PretextFixtures.jigsawBatch(1, PERMUTATIONS, 1).examples().get(0),
                Tensor.i32(new int[] {1}, new int[] {index}));
    }

    @Test
    void shouldAcceptRotationTargetsOfFourQuarterTurnCounts() {
        try (NDManager m = NDManager.newBaseManager()) {
            RotNetMethod method = PretextFixtures.rotNet(m);
            assertThatCode(() -> method.checkExample(rotation(3, 1, 0, 2))).doesNotThrowAnyException();
            assertThatCode(() -> method.checkExample(rotation(0, 0, 3, 3))).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRejectRotationTargetsOutOfRangeOrOfTheWrongShapeOrType() {
        try (NDManager m = NDManager.newBaseManager()) {
            RotNetMethod method = PretextFixtures.rotNet(m);
            assertThatThrownBy(() -> method.checkExample(rotation(0, 1, 2, 4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[3] is 4")
                    .hasMessageContaining("[0, 4)");
            assertThatThrownBy(() -> method.checkExample(rotation(-1, 1, 2, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is -1");
            assertThatThrownBy(() -> method.checkExample(rotation(0, 1, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i32 [4]");
            Example bytes = withTarget(
                    PretextFixtures.rotationBatch(1, 1).examples().get(0),
                    Tensor.u8(new int[] {4}, new byte[] {0, 1, 2, 3}));
            assertThatThrownBy(() -> method.checkExample(bytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i32 [4]");
            Example matrix = withTarget(
                    PretextFixtures.rotationBatch(1, 1).examples().get(0),
                    Tensor.i32(new int[] {2, 2}, new int[] {0, 1, 2, 3}));
            assertThatThrownBy(() -> method.checkExample(matrix)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldAcceptJigsawIndicesBelowThePermutationCountAndRejectTheRest() {
        try (NDManager m = NDManager.newBaseManager()) {
            JigsawMethod method = PretextFixtures.jigsaw(m, PERMUTATIONS);
            assertThatCode(() -> method.checkExample(jigsaw(0))).doesNotThrowAnyException();
            assertThatCode(() -> method.checkExample(jigsaw(PERMUTATIONS - 1))).doesNotThrowAnyException();
            assertThatThrownBy(() -> method.checkExample(jigsaw(PERMUTATIONS)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jigsaw.permutations")
                    .hasMessageContaining("[0, 24)");
            assertThatThrownBy(() -> method.checkExample(jigsaw(-3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is -3");
            Example two = withTarget(
                    PretextFixtures.jigsawBatch(1, PERMUTATIONS, 1).examples().get(0),
                    Tensor.i32(new int[] {2}, new int[] {0, 1}));
            assertThatThrownBy(() -> method.checkExample(two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i32 [1]");
            Example wide = withTarget(
                    PretextFixtures.jigsawBatch(1, PERMUTATIONS, 1).examples().get(0),
                    Tensor.i64(new int[] {1}, new long[] {0}));
            assertThatThrownBy(() -> method.checkExample(wide))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i32 [1]");
        }
    }

    @Test
    void shouldRejectJigsawExamplesWithAnotherNumberOfTilesOrTilesOfMixedSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            JigsawMethod method = PretextFixtures.jigsaw(m, PERMUTATIONS);
            Example good = jigsaw(0);

            Map<String, Tensor> nine = new LinkedHashMap<>(good.arrays());
            for (int i = PretextFixtures.TILES; i < 9; i++) {
                nine.put(ArrayNames.view(i), good.array(ArrayNames.view(0)));
            }
            assertThatThrownBy(() -> method.checkExample(new Example(nine, good.metadata())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs 4 tile views")
                    .hasMessageContaining("has 9")
                    .hasMessageContaining("jigsaw.grid");

            Map<String, Tensor> three = new LinkedHashMap<>(good.arrays());
            three.remove(ArrayNames.view(3));
            assertThatThrownBy(() -> method.checkExample(new Example(three, good.metadata())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 3");

            Map<String, Tensor> mixed = new LinkedHashMap<>(good.arrays());
            mixed.put(ArrayNames.view(2), Tensor.u8(new int[] {10, 10, 3}, new byte[300]));
            assertThatThrownBy(() -> method.checkExample(new Example(mixed, good.metadata())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("square tiles of one size")
                    .hasMessageContaining("'view.2'");

            Map<String, Tensor> oblong = new LinkedHashMap<>(good.arrays());
            for (int i = 0; i < PretextFixtures.TILES; i++) {
                oblong.put(ArrayNames.view(i), Tensor.u8(new int[] {8, 12, 3}, new byte[288]));
            }
            assertThatThrownBy(() -> method.checkExample(new Example(oblong, good.metadata())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("square tiles");
        }
    }

    @Test
    void shouldRefuseThroughTheValidatorAnExampleWithoutATargetOrWithAnIndexTheHeadLacks() {
        try (NDManager m = NDManager.newBaseManager()) {
            JigsawMethod method = PretextFixtures.jigsaw(m, PERMUTATIONS);
            ExampleValidator validator =
                    new ExampleValidator(method.inputs(), method.canonicalInputs(), SPEC, method::checkExample);
            validator.check(jigsaw(5));
            Map<String, Tensor> arrays = new LinkedHashMap<>(jigsaw(5).arrays());
            arrays.remove(ArrayNames.TARGET);
            assertThatThrownBy(
                            () -> validator.check(new Example(arrays, jigsaw(5).metadata())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lacks 'target'");
            // a stream-app with jigsaw.permutations = 100 against a learner configured for 24
            assertThatThrownBy(() -> validator.check(jigsaw(99)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is 99");
        }
    }
}
