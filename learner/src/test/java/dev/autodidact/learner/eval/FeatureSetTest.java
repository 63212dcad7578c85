package dev.autodidact.learner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void shouldNameClassesByIndexAndReportShape() {
        FeatureSet set = FeatureSet.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {0, 2}, 3);

        assertThat(set.classNames()).containsExactly("0", "1", "2");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.dimension()).isEqualTo(3);
    }

    @Test
    void shouldNormalizeRowsToUnitLengthWithoutChangingTheOriginal() {
        float[][] features = {{3, 4}, {0, -2}, {0, 0}};
        FeatureSet set = new FeatureSet(features, new int[] {0, 1, 1}, 2, List.of("cat", "dog"));

        FeatureSet normalized = set.l2Normalized();

        assertThat(normalized.features()[0]).containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
        assertThat(normalized.features()[1]).containsExactly(0f, -1f);
        assertThat(normalized.features()[2]).containsExactly(0f, 0f);
        assertThat(features[0]).containsExactly(3f, 4f);
        assertThat(normalized.labels()).isSameAs(set.labels());
        assertThat(normalized.classNames()).containsExactly("cat", "dog");
    }

    @Test
    void shouldRejectLabelCountDifferentFromRowCount() {
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1}, {2}}, new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 feature rows but 1 labels");
    }

    @Test
    void shouldRejectLabelOutsideTheClasses() {
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1}, {2}}, new int[] {0, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Label 2 of row 1");
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1}}, new int[] {-1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectRaggedEmptyOrNonFiniteRows() {
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1, 2}, {3}}, new int[] {0, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1");
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{}}, new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureSet.of(new float[0][], new int[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1, Float.NaN}}, new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite");
    }

    @Test
    void shouldRejectClassNamesThatDoNotMatchNumClasses() {
        assertThatThrownBy(() -> new FeatureSet(new float[][] {{1}}, new int[] {0}, 2, List.of("only")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 class names for 2 classes");
        assertThatThrownBy(() -> FeatureSet.of(new float[][] {{1}}, new int[] {0}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
