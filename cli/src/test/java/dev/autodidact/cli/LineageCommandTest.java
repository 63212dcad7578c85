package dev.autodidact.cli;

import static dev.autodidact.cli.lineage.LineageManifests.P0;
import static dev.autodidact.cli.lineage.LineageManifests.P1;
import static dev.autodidact.cli.lineage.LineageManifests.manifest;
import static dev.autodidact.cli.lineage.LineageManifests.ranges;
import static dev.autodidact.cli.lineage.LineageManifests.withoutLineage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.cli.lineage.LineageManifests;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lineage --checkpoint-dir}: manifests written as the learner mirrors them, one JSON line out. */
class LineageCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPrintACompleteLineageWhenTheChainsRangesAddUp() throws IOException {
        LineageManifests.write(dir, LineageManifests.threeVersionChain().toArray(CheckpointManifest[]::new));

        JsonNode json = lineage(0, "--version", "3", "--checkpoint-dir", dir.toString());

        assertThat(out.toString().strip()).doesNotContain("\n");
        assertThat(json.get("version").asLong()).isEqualTo(3);
        assertThat(json.get("parent_version").asLong()).isEqualTo(2);
        assertThat(json.get("method").asText()).isEqualTo("simclr");
        assertThat(json.get("step").asLong()).isEqualTo(30);
        assertThat(json.get("samples_seen").asLong()).isEqualTo(1920);
        assertThat(json.at("/offsets/" + P0.replace("/", "~1")).asLong()).isEqualTo(300);
        assertThat(json.get("consumed").toString()).isEqualTo("{\"" + P0 + "\":[[250,300]]}");
        assertThat(json.get("trained_ahead").size()).isZero();
        assertThat(json.at("/consumed_records/total").asLong()).isEqualTo(50);
        assertThat(json.get("ancestry").findValuesAsText("version")).containsExactly("3", "2", "1");
        assertThat(json.at("/ancestry/1/consumed_records/by_partition").toString())
                .isEqualTo("{\"" + P0 + "\":150,\"" + P1 + "\":40}");
        assertThat(json.at("/ancestry/2/consumed_records/total").asLong()).isEqualTo(180);
        assertThat(json.at("/cumulative_consumed/by_partition").toString())
                .isEqualTo("{\"" + P0 + "\":300,\"" + P1 + "\":120}");
        assertThat(json.at("/cumulative_consumed/total").asLong()).isEqualTo(420);
        assertThat(json.get("expected_consumed")).isEqualTo(json.get("cumulative_consumed"));
        assertThat(json.get("reaches_root").asBoolean()).isTrue();
        assertThat(json.get("complete").asBoolean()).isTrue();
    }

    @Test
    void shouldSayIncompleteWhenAnOldManifestHasNoLineage() throws IOException {
        LineageManifests.write(
                dir,
                withoutLineage(1, 0, Map.of(P0, 100L)),
                manifest(2, 1, Map.of(P0, 250L), Map.of(), Map.of(P0, ranges(100, 250))),
                manifest(3, 2, Map.of(P0, 300L), Map.of(), Map.of(P0, ranges(250, 300))));

        JsonNode json = lineage(0, "--version", "3", "--checkpoint-dir", dir.toString());

        assertThat(json.get("ancestry").findValuesAsText("has_lineage")).containsExactly("true", "true", "false");
        assertThat(json.get("every_version_has_lineage").asBoolean()).isFalse();
        assertThat(json.at("/cumulative_consumed/total").asLong()).isEqualTo(200);
        assertThat(json.at("/expected_consumed/total").asLong()).isEqualTo(300);
        assertThat(json.get("complete").asBoolean()).isFalse();
    }

    @Test
    void shouldPrintTheGapsATrainedAheadRangeLeaves() throws IOException {
        LineageManifests.write(dir, LineageManifests.chainWithTrainedAhead().toArray(CheckpointManifest[]::new));

        JsonNode v2 = lineage(0, "--version", "2", "--checkpoint-dir", dir.toString());

        assertThat(v2.get("consumed").toString()).isEqualTo("{\"" + P0 + "\":[[100,150],[160,170]]}");
        assertThat(v2.get("trained_ahead").toString()).isEqualTo("{\"" + P0 + "\":[[160,170]]}");
        assertThat(v2.at("/consumed_records/total").asLong()).isEqualTo(60);
        assertThat(v2.at("/cumulative_consumed/total").asLong()).isEqualTo(160);
        assertThat(v2.at("/expected_consumed/total").asLong()).isEqualTo(160);
        assertThat(v2.get("complete").asBoolean()).isTrue();

        out.getBuffer().setLength(0);
        JsonNode v3 = lineage(0, "--version", "3", "--checkpoints", dir.toString());
        assertThat(v3.get("consumed").toString()).isEqualTo("{\"" + P0 + "\":[[150,160],[170,200]]}");
        assertThat(v3.at("/cumulative_consumed/total").asLong()).isEqualTo(200);
        assertThat(v3.get("complete").asBoolean()).isTrue();
    }

    @Test
    void shouldFailOnAnUnknownVersionListingTheVersionsThatExist() throws IOException {
        LineageManifests.write(dir, LineageManifests.threeVersionChain().toArray(CheckpointManifest[]::new));
        LineageManifests.write(dir, manifest(7, 3, Map.of(P0, 300L, P1, 120L), Map.of(), Map.of()));

        int code = run("lineage", "--version", "5", "--checkpoint-dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no version 5 of simclr").contains("versions there: 1-3, 7");
    }

    @Test
    void shouldFailClearlyOnADirectoryWithoutManifestsOrWithSeveralMethods() throws IOException {
        assertThat(run("lineage", "--version", "1", "--checkpoint-dir", dir.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no checkpoint manifests in");

        LineageManifests.write(dir, manifest(1, 0, Map.of(), Map.of(), Map.of()));
        Files.createDirectories(dir.resolve("byol"));
        LineageManifests.write(dir.resolve("byol"), manifest("byol", 1, 0, Map.of(), Map.of(), Map.of()));
        assertThat(run(
                        "lineage",
                        "--version",
                        "1",
                        "--checkpoint-dir",
                        dir.resolve("byol").toString(),
                        "--method",
                        "simclr"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no checkpoint manifests of simclr");
    }

    @Test
    void shouldRefuseTwoSourcesOrNone() {
        assertThat(run("lineage", "--version", "1", "--checkpoint-dir", dir.toString(), "--bootstrap", "h:9092"))
                .isEqualTo(2);
        assertThat(run("lineage", "--version", "1")).isEqualTo(2);
        assertThat(run("lineage", "--checkpoint-dir", dir.toString())).isEqualTo(2);
    }

    private JsonNode lineage(int expectedCode, String... args) throws IOException {
        String[] full = new String[args.length + 1];
        full[0] = "lineage";
        System.arraycopy(args, 0, full, 1, args.length);
        assertThat(run(full)).as(err.toString()).isEqualTo(expectedCode);
        return new ObjectMapper().readTree(out.toString());
    }

    private int run(String... args) {
        return new CommandLine(new Autodidact())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
