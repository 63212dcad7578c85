package dev.autodidact.schema.checkpoint;

import java.util.Arrays;

/** A complete checkpoint: its manifest and the payload the manifest describes. */
public record Checkpoint(CheckpointManifest manifest, byte[] payload) {

    /** The bytes of one section. */
    public byte[] section(String name) {
        CheckpointSection s = manifest.section(name);
        return Arrays.copyOfRange(payload, (int) s.offset(), (int) (s.offset() + s.length()));
    }
}
