package dev.autodidact.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code autodidact <command>}. */
@Command(
        name = "autodidact",
        mixinStandardHelpOptions = true,
        version = "autodidact 0.1.0",
        description = "Streaming, online self-supervised learning on Kafka with DJL.",
        subcommands = {
            DemoCommand.class,
            BrokerCommand.class,
            ConnectCommand.class,
            StreamsCommand.class,
            LearnCommand.class,
            EmbedCommand.class,
            IngestCommand.class,
            PretrainCommand.class,
            EvalCommand.class,
            FinetuneCommand.class,
            ReportCommand.class,
            LineageCommand.class
        })
public final class Autodidact {

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        int code = new CommandLine(new Autodidact())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
