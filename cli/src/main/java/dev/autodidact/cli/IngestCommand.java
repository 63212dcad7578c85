package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.RawFeeder;
import dev.autodidact.schema.Modality;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes a folder of media files to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish every media file under --data (zip archives included) to raw.<modality>.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--data", required = true, description = "Folder of media files.")
    Path data;

    @Option(names = "--modality", defaultValue = "image", description = "Modality (default: ${DEFAULT-VALUE}).")
    String modality;

    @Option(names = "--passes", defaultValue = "1", description = "How many times to publish the folder (default: ${DEFAULT-VALUE}).")
    int passes;

    @Override
    public Integer call() {
        if (kafka.bootstrap == null) {
            System.err.println("ingest needs --bootstrap: an embedded broker would vanish with this command");
            return 2;
        }
        try (KafkaTarget target = KafkaTarget.open(kafka.bootstrap, kafka.clientProperties(), kafka.topicPrefix, null);
             RawFeeder feeder = new RawFeeder(target.clientProperties(), target.topics().raw(Modality.of(modality)),
                     data)) {
            for (int i = 0; i < passes; i++) {
                feeder.feedOnce();
            }
            System.out.println("Published " + feeder.produced() + " records to " + target.topics().raw(Modality.of(modality)));
        }
        return 0;
    }
}
