package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code autodidact connect} refuses before it starts anything. */
class ConnectCommandTest {

    @Test
    void shouldRefuseToRunWithoutBootstrap() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ConnectCommand()).execute("connector.properties");
        } finally {
            System.setErr(err);
        }

        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("needs --bootstrap");
    }

    @Test
    void shouldDefaultToTheConnectScrapePort() {
        ConnectCommand command = new ConnectCommand();
        new CommandLine(command).parseArgs("--bootstrap", "localhost:9092", "connector.properties");

        assertThat(command.metricsPort).isEqualTo(9465);
    }
}
