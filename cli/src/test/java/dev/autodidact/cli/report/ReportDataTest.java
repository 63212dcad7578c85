package dev.autodidact.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {
    @TempDir
    Path dir;

    @Test
    void shouldListManifestsByVersionAndPassOverDirectoriesBeingWritten() throws IOException {
        SyntheticManifests.write(dir, 11, false);
        Files.createDirectories(dir.resolve(".incoming-123"));
        Files.writeString(dir.resolve(".incoming-123/manifest.json"), "{half a manifest");
        Files.createDirectories(dir.resolve("v0000000012"));

        ReportData data = ReportData.fromDirectory(dir);

        assertThat(data.manifests())
                .extracting(CheckpointManifest::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(data.featureDimension()).hasValue(SyntheticManifests.FEATURE_DIM);
    }

    @Test
    void shouldReadOneVersionDirectoryOnItsOwn() throws IOException {
        SyntheticManifests.write(dir, 2, false);

        assertThat(ReportData.fromDirectory(dir.resolve("v0000000002")).manifests())
                .extracting(CheckpointManifest::version)
                .containsExactly(2L);
    }

    @Test
    void shouldKeepOnlyVersionsThatHoldAMetric() {
        ReportData data = ReportData.of(
                "test",
                List.of(
                        SyntheticManifests.manifest(3, true),
                        SyntheticManifests.manifest(1, true),
                        SyntheticManifests.manifest(2, true)));

        Series drift = data.metric("health.drift", "drift", XAxis.VERSION);

        assertThat(drift.x()).containsExactly(2, 3);
        assertThat(data.metric("no.such.metric", "none", XAxis.STEP).isEmpty()).isTrue();
        assertThat(data.hasMetric("health.drift")).isTrue();
    }

    @Test
    void shouldDeriveThroughputFromConsecutiveManifests() {
        ReportData data = ReportData.of(
                "test",
                List.of(
                        SyntheticManifests.manifest(1, false),
                        SyntheticManifests.manifest(2, false),
                        SyntheticManifests.manifest(3, false)));

        Series rate = data.throughputBetweenVersions("between", XAxis.STEP);

        assertThat(rate.x()).containsExactly(100, 150);
        assertThat(rate.y()[0]).isCloseTo(50 * 256 / 20.0, within(1e-9));
    }
}
