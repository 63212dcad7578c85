package dev.autodidact.media.image;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats this project accepts, with their ImageIO format name, MIME content type and file extensions.
 * Formats are recognised from their magic bytes ({@link #sniff(byte[])}), never trusted from a header or file name
 * alone.
 */
public enum ImageFormat {
    /** Portable Network Graphics. */
    PNG("png", "image/png", List.of("png"), new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    /** JPEG / JFIF / EXIF. */
    JPEG("jpeg", "image/jpeg", List.of("jpg", "jpeg"), new int[] {0xFF, 0xD8, 0xFF}),
    /** Windows bitmap. */
    BMP("bmp", "image/bmp", List.of("bmp"), new int[] {'B', 'M'}),
    /** GIF 87a or 89a; only the first frame is decoded. */
    GIF("gif", "image/gif", List.of("gif"), new int[] {'G', 'I', 'F', '8'});

    private final String formatName;
    private final String contentType;
    private final List<String> extensions;
    private final int[] magic;

    ImageFormat(String formatName, String contentType, List<String> extensions, int[] magic) {
        this.formatName = formatName;
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    /** @return the lower-case ImageIO format name, e.g. {@code "jpeg"} */
    public String formatName() {
        return formatName;
    }

    /** @return the MIME type, e.g. {@code "image/jpeg"} */
    public String contentType() {
        return contentType;
    }

    /** @return lower-case file extensions without the dot, e.g. {@code ["jpg", "jpeg"]} */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * Recognises a format from its leading magic bytes.
     *
     * @param data encoded bytes (may be short or empty)
     * @return the format, or empty if the bytes start like none of them
     */
    public static Optional<ImageFormat> sniff(byte[] data) {
        for (ImageFormat format : values()) {
            if (format.matches(data)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Recognises a format from a file name's extension, case-insensitively.
     *
     * @param fileName a file or zip-entry name
     * @return the format, or empty if the extension is not an image extension
     */
    public static Optional<ImageFormat> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the format with the given MIME type, ignoring case and parameters such as {@code ;charset=}.
     *
     * @param contentType a MIME type
     * @return the format, or empty if none has that type
     */
    public static Optional<ImageFormat> forContentType(String contentType) {
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.contentType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] data) {
        if (data == null || data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
