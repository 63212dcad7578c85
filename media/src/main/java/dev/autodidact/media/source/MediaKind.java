package dev.autodidact.media.source;

import dev.autodidact.media.image.ImageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files a walk of {@link MediaFiles} yields: those of one kind of media, recognised by their extension. A folder
 * may hold images and recordings side by side; each raw topic takes one kind, so a walk for {@code raw.audio} passes
 * over the images and one for {@code raw.image} over the recordings, rather than sending them where every record would
 * be dead-lettered. The ids are the words of the schema's modalities ({@code image}, {@code audio}), which this module
 * does not depend on.
 */
public enum MediaKind {
    /** The {@link ImageFormat}s: png, jpg, jpeg, bmp, gif. */
    IMAGE("image") {
        @Override
        public Optional<String> contentType(String fileName) {
            return ImageFormat.forFileName(fileName).map(ImageFormat::contentType);
        }

        @Override
        public List<String> extensions() {
            return List.of(ImageFormat.values()).stream()
                    .flatMap(format -> format.extensions().stream())
                    .toList();
        }
    },
    /**
     * RIFF/WAVE recordings ({@code .wav}, {@code .wave}), the one container
     * {@link dev.autodidact.media.audio.WavDecoder} reads, sent as {@value #WAV_CONTENT_TYPE}.
     */
    AUDIO("audio") {
        @Override
        public Optional<String> contentType(String fileName) {
            return extensions().contains(extension(fileName)) ? Optional.of(WAV_CONTENT_TYPE) : Optional.empty();
        }

        @Override
        public List<String> extensions() {
            return WAV_EXTENSIONS;
        }
    };

    /** The MIME type of a WAV file, as the {@code content-type} header carries it. */
    public static final String WAV_CONTENT_TYPE = "audio/wav";

    private static final List<String> WAV_EXTENSIONS = List.of("wav", "wave");

    private final String id;

    MediaKind(String id) {
        this.id = id;
    }

    /** @return the lower-case name, the schema modality's id: {@code image} or {@code audio} */
    public String id() {
        return id;
    }

    /**
     * @param fileName a file or zip-entry name
     * @return the MIME type of a file of this kind with that name, or empty if its extension is not one of this kind's
     *     (case-insensitive)
     */
    public abstract Optional<String> contentType(String fileName);

    /** @return the lower-case extensions of this kind, without the dot */
    public abstract List<String> extensions();

    /**
     * @param fileName a file or zip-entry name
     * @return whether a walk for this kind yields it
     */
    public boolean accepts(String fileName) {
        return contentType(fileName).isPresent();
    }

    /**
     * @param id a modality id, e.g. {@code audio} (case-insensitive)
     * @return the kind of that id
     * @throws IllegalArgumentException naming the kinds if there is none, e.g. for {@code text}
     */
    public static MediaKind of(String id) {
        for (MediaKind kind : values()) {
            if (kind.id.equalsIgnoreCase(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No media files of modality '" + id + "' can be read from a folder; kinds: "
                + List.of(values()).stream().map(MediaKind::id).toList());
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
