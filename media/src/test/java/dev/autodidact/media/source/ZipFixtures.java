package dev.autodidact.media.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites real zip archives into hostile ones. */
final class ZipFixtures {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int UNCOMPRESSED_SIZE_OFFSET = 24;

    private ZipFixtures() {}

    /**
     * Makes every central directory header of {@code archive} declare {@code declared} uncompressed bytes when it
     * declares more, the way a zip bomb hides its size from a reader that trusts the header.
     */
    static void lieAboutSizes(Path archive, int declared) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + UNCOMPRESSED_SIZE_OFFSET + 4 <= zip.limit(); i++) {
            if (zip.getInt(i) == CENTRAL_HEADER
                    && Integer.toUnsignedLong(zip.getInt(i + UNCOMPRESSED_SIZE_OFFSET)) > declared) {
                zip.putInt(i + UNCOMPRESSED_SIZE_OFFSET, declared);
                patched++;
            }
        }
        if (patched == 0) {
            throw new IllegalStateException("No central directory header of " + archive + " declares over " + declared);
        }
        Files.write(archive, zip.array());
    }
}
