package dev.autodidact.cli;

import dev.autodidact.cli.internal.KafkaTarget;
import dev.autodidact.cli.internal.RawFeeder;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.schema.Modality;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Publishes a folder of media files to the raw topic of their modality: images (png, jpg, jpeg, bmp, gif) to
 * {@code raw.image}, WAV recordings to {@code raw.audio}; files of the other kind in the folder are passed over.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Publish every media file of --modality under --data (zip archives included) to raw.<modality>:"
                + " images for image, .wav files for audio.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--data", required = true, description = "Folder of media files.")
    Path data;

    @Option(
            names = "--modality",
            defaultValue = "image",
            description = "Modality: image or audio (default: ${DEFAULT-VALUE}).")
    String modality;

    @Option(
            names = "--passes",
            defaultValue = "1",
            description = "How many times to publish the folder (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(
            names = "--probe",
            description =
                    "Publish a labeled folder (<data>/<class>/<file> or <data>/<class>.zip) to "
                            + "probe.<modality> with header label, for the learner's online kNN and linear probe, instead of raw.")
    boolean probe;

    @Override
    public Integer call() {
        if (kafka.bootstrap == null) {
            System.err.println("ingest needs --bootstrap: an embedded broker would vanish with this command");
            return 2;
        }
        MediaKind kind;
        try {
            kind = MediaKind.of(Modality.of(modality).id());
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: " + e.getMessage());
            return 2;
        }
        try (KafkaTarget target = KafkaTarget.open(kafka.bootstrap, kafka.clientProperties(), kafka.topicPrefix, null);
                RawFeeder feeder = new RawFeeder(target.clientProperties(), topic(target), data, kind, probe)) {
            target.ensureTopic(Modality.of(modality), topic(target));
            for (int i = 0; i < passes; i++) {
                feeder.feedOnce();
            }
            System.out.println("Published " + feeder.produced() + " records to " + topic(target));
        }
        return 0;
    }

    private String topic(KafkaTarget target) {
        Modality m = Modality.of(modality);
        return probe ? target.topics().probe(m) : target.topics().raw(m);
    }
}
