package dev.autodidact.media.source;

import java.lang.System.Logger.Level;

/** Told about everything a walk leaves out, so that the caller can log and count it; the walk goes on. */
@FunctionalInterface
public interface SkipListener {
    /** Logs each skip at WARNING through {@link System.Logger}, for callers that count nothing. */
    SkipListener LOG = (path, reason, detail) -> System.getLogger(MediaFiles.class.getName())
            .log(Level.WARNING, "Skipping {0} ({1}): {2}", path, reason, detail);

    /**
     * @param path the id or relative path of what was left out, e.g. {@code cat.zip!/0001.jpg} or {@code link.jpg}
     * @param reason why
     * @param detail a sentence for the log, naming the limit or the link target
     */
    void skipped(String path, SkipReason reason, String detail);
}
