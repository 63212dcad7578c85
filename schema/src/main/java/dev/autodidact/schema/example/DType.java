package dev.autodidact.schema.example;

/** Element types an {@link Example} array may have, named as in the safetensors header. Little-endian on the wire. */
public enum DType {
    BOOL(1),
    U8(1),
    I16(2),
    I32(4),
    I64(8),
    F32(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /**
     * @param name the safetensors name, e.g. {@code F32}
     * @throws IllegalArgumentException for a type examples do not carry
     */
    public static DType of(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unsupported array type '" + name + "'");
    }
}
