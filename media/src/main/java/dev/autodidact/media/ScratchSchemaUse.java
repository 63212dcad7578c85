package dev.autodidact.media;

import dev.autodidact.schema.Modality;

/** SCRATCH, to be reverted: media reaching into schema, to show that ArchitectureTest catches it. */
public final class ScratchSchemaUse {
    private ScratchSchemaUse() {
    }

    public static String name(Modality modality) {
        return modality.name();
    }
}
