package dev.autodidact.learner.method;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a block's parameters (weights and batch-norm statistics) to bytes and reads them back. Loaded trainable
 * parameters get their gradients re-enabled, which DJL's loader leaves off.
 */
public final class BlockState {
    private BlockState() {}

    public static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise parameters", e);
        }
        return bytes.toByteArray();
    }

    /** One section per named block, in the map's order. */
    public static Map<String, byte[]> saveAll(Map<String, Block> blocks) {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        blocks.forEach((name, block) -> sections.put(name, save(block)));
        return sections;
    }

    /**
     * Loads every named block from its section.
     *
     * @throws IllegalStateException if a section is missing or does not fit
     */
    public static void loadAll(Map<String, Block> blocks, NDManager manager, Map<String, byte[]> sections) {
        blocks.forEach((name, block) -> {
            byte[] state = sections.get(name);
            if (state == null) {
                throw new IllegalStateException("Checkpoint lacks the '" + name + "' section");
            }
            load(block, manager, state);
        });
    }

    public static void load(Block block, NDManager manager, byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            block.loadParameters(manager, in);
            block.getParameters().values().stream()
                    .filter(p -> p.requiresGradient() && !p.getArray().hasGradient())
                    .forEach(p -> p.getArray().setRequiresGradient(true));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("Checkpoint parameters do not fit the network", e);
        }
    }
}
