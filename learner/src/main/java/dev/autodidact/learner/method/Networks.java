package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A method's networks by name, in the order they are saved: trainable ones (updated by the optimizer) and targets
 * (momentum copies, updated by the method). Each name is a checkpoint section; the published encoder is the one
 * named {@link SslMethod#ENCODER_SECTION}.
 */
public final class Networks {
    private final NDManager manager;
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Set<String> trainable = new LinkedHashSet<>();

    public Networks(NDManager manager) {
        this.manager = manager;
    }

    /** Adds a network the optimizer trains; returns it. */
    public Block trainable(String name, Block block) {
        put(name, block);
        trainable.add(name);
        return block;
    }

    /** Adds a network the method updates itself (an EMA target); returns it. */
    public Block target(String name, Block block) {
        put(name, block);
        return block;
    }

    private void put(String name, Block block) {
        if (blocks.putIfAbsent(name, block) != null) {
            throw new IllegalArgumentException("Network '" + name + "' added twice");
        }
    }

    /** @throws IllegalArgumentException if there is no such network */
    public Block get(String name) {
        Block b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("No network '" + name + "'; have " + blocks.keySet());
        }
        return b;
    }

    /** Runs network {@code name} on one array in training mode; returns its single output. */
    public NDArray forward(ParameterStore store, String name, NDArray x) {
        return get(name).forward(store, new NDList(x), true).singletonOrThrow();
    }

    /** Parameters of the trainable networks that take gradients, named {@code <network>.<parameter>}. */
    public List<Pair<String, Parameter>> trainableParameters() {
        List<Pair<String, Parameter>> params = new ArrayList<>();
        for (String name : trainable) {
            blocks.get(name).getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    params.add(new Pair<>(name + "." + p.getKey(), p.getValue()));
                }
            });
        }
        return params;
    }

    /** One section per network, in the order they were added. */
    public Map<String, byte[]> save() {
        return BlockState.saveAll(blocks);
    }

    /** @throws IllegalStateException if a section is missing or does not fit */
    public void load(Map<String, byte[]> sections) {
        BlockState.loadAll(blocks, manager, sections);
    }

    /** {@code head}, initialised on {@code manager} for (N, {@code in}) input. */
    public static Block head(NDManager manager, Block head, int in) {
        head.initialize(manager, DataType.FLOAT32, new Shape(2, in));
        return head;
    }
}
