package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.autodidact.schema.checkpoint.CheckpointLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a method's own state arrays (MoCo's queue, DINO's centre) with a counter to a checkpoint section and reads
 * them back into the existing arrays, in place, so that the arrays stay on the method's manager.
 */
public final class ArrayState {
    private static final int FORMAT = 1;

    private ArrayState() {}

    /** @return {@code counter} and {@code array} as bytes */
    public static byte[] save(long counter, NDArray array) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(counter);
            byte[] encoded = array.encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise method state", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Copies the saved array into {@code into} (same shape) and returns the saved counter.
     *
     * @throws IllegalStateException if the section is missing, malformed or of another shape
     */
    public static long load(byte[] state, NDArray into, String section) {
        if (state == null) {
            throw new IllegalStateException("Checkpoint lacks the '" + section + "' section");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
                NDManager scratch = into.getManager().newSubManager()) {
            if (in.readInt() != FORMAT) {
                throw new IllegalStateException("Unknown format of section '" + section + "'");
            }
            long counter = in.readLong();
            byte[] encoded =
                    new byte[CheckpointLimits.checkedLength(in.readInt(), in.available(), "section '" + section + "'")];
            in.readFully(encoded);
            NDArray saved = NDArray.decode(scratch, encoded);
            if (!saved.getShape().equals(into.getShape())) {
                throw new IllegalStateException("Section '" + section + "' has shape " + saved.getShape()
                        + ", the method expects " + into.getShape());
            }
            saved.copyTo(into);
            return counter;
        } catch (IOException e) {
            throw new IllegalStateException("Section '" + section + "' is malformed", e);
        }
    }
}
