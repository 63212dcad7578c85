package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real {@code embed} and {@code learn} commands on their embedded broker, with a service that fails as it runs. */
class ServiceCommandsIT {
    @TempDir
    Path dir;

    @Test
    void shouldExitNonZeroPromptlyWhenTheEmbedderThreadDies() {
        // Passed through to the embedder's Kafka clients, which refuse it when run() creates them.
        int exit = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> new CommandLine(new Autodidact())
                        .execute(
                                "embed",
                                "--metrics-port",
                                "-1",
                                "--work-dir",
                                dir.toString(),
                                "--set",
                                "metadata.max.age.ms=-1"));

        assertThat(exit).isNotZero();
    }

    @Test
    void shouldExitNonZeroPromptlyWhenTheLearnerThreadDies() {
        // Passed through to the learner's Kafka clients, which refuse it when run() creates them.
        int exit = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> new CommandLine(new Autodidact())
                        .execute(
                                "learn",
                                "--metrics-port",
                                "-1",
                                "--work-dir",
                                dir.toString(),
                                "--set",
                                "metadata.max.age.ms=-1"));

        assertThat(exit).isNotZero();
    }
}
