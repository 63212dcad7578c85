package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.cli.report.EmbeddingMap;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheReportAndPngsNextToItFromACheckpointDirectory() throws IOException {
        for (long v = 1; v <= 3; v++) {
            CheckpointManifest m = new CheckpointManifest(
                    v,
                    v - 1,
                    "simclr",
                    "image",
                    Map.of(),
                    10 * v,
                    2560 * v,
                    Map.of(),
                    Map.of("loss", 5.0 - v),
                    List.of(),
                    0,
                    1,
                    "",
                    1_000_000L * v);
            Path version = Files.createDirectories(dir.resolve("checkpoints/v000000000" + v));
            Files.write(version.resolve("manifest.json"), CheckpointCodec.writeManifest(m));
        }

        int code = run(
                "report",
                "--checkpoints",
                dir.resolve("checkpoints").toString(),
                "--out",
                dir.resolve("site/report.html").toString(),
                "--x",
                "VERSION");

        assertThat(code).isZero();
        assertThat(dir.resolve("site/report.html")).exists();
        assertThat(dir.resolve("site/loss.png")).exists();
        assertThat(dir.resolve("site/" + EmbeddingMap.ID + ".png")).doesNotExist();
    }

    @Test
    void shouldRefuseTwoSourcesAtOnce() {
        assertThat(run("report", "--checkpoints", dir.toString(), "--bootstrap", "localhost:9092"))
                .isEqualTo(2);
        assertThat(run("report")).isEqualTo(2);
    }

    @Test
    void shouldFailOnADirectoryWithoutManifests() {
        assertThat(run(
                        "report",
                        "--checkpoints",
                        dir.toString(),
                        "--out",
                        dir.resolve("r.html").toString()))
                .isEqualTo(1);
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    private static int run(String... args) {
        return new CommandLine(new Autodidact())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
