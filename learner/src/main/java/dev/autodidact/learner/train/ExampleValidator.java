package dev.autodidact.learner.train;

import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whether a well-formed example is usable by this method: of the encoder's modality, holding every array the method
 * takes; encoder inputs the encoder accepts (the canonical ones at exactly the canonical shape); and every array of
 * the shape and type the first accepted example had under that name (multi-crop's local views, masks, targets), so
 * that every batch stacks.
 */
public final class ExampleValidator {
    private final List<String> inputs;
    private final Set<String> canonical;
    private final EncoderArchitecture encoder;
    private final Consumer<Example> methodCheck;
    private final Map<String, Tensor> firstSeen = new HashMap<>();

    /**
     * @param inputs the arrays the method takes
     * @param canonical those of them at the encoder's canonical shape
     * @param encoder the encoder the inputs are for
     */
    public ExampleValidator(List<String> inputs, List<String> canonical, EncoderArchitecture encoder) {
        this(inputs, canonical, encoder, e -> {});
    }

    /**
     * @param inputs the arrays the method takes
     * @param canonical those of them at the encoder's canonical shape
     * @param encoder the encoder the inputs are for
     * @param methodCheck the method's own check of the values ({@code SslMethod::checkExample}), run after the
     *     generic checks
     */
    public ExampleValidator(
            List<String> inputs, List<String> canonical, EncoderArchitecture encoder, Consumer<Example> methodCheck) {
        this.inputs = List.copyOf(inputs);
        this.canonical = Set.copyOf(canonical);
        this.encoder = encoder;
        this.methodCheck = methodCheck;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code example} */
    public void check(Example example) {
        if (example.modality() != encoder.modality()) {
            throw new IllegalArgumentException(
                    "Example is " + example.modality().id() + ", the encoder takes "
                            + encoder.modality().id());
        }
        for (String name : inputs) {
            if (!example.has(name)) {
                throw new IllegalArgumentException("Example lacks '" + name + "' (has "
                        + example.arrays().keySet() + "); the method takes " + inputs);
            }
            Tensor array = example.array(name);
            if (ArrayNames.isEncoderInput(name)) {
                try {
                    encoder.checkInput(array, canonical.contains(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
                }
            }
            Tensor first = firstSeen.get(name);
            if (first != null && (first.dtype() != array.dtype() || !Arrays.equals(first.shape(), array.shape()))) {
                throw new IllegalArgumentException("'" + name + "' is " + array + ", earlier examples had " + first);
            }
        }
        methodCheck.accept(example);
        for (String name : inputs) {
            firstSeen.putIfAbsent(name, example.array(name));
        }
    }
}
