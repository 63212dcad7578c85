package dev.autodidact.learner.method;

import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.schema.method.MethodEntry;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Everything about one method in one place: its name (an entry of the {@link MethodCatalog}, which says what example
 * it needs from the stream-app), its own settings, prefixed with its name, with defaults and docs, its default
 * optimisation {@link Recipe}, what it needs of its encoder, and its factory.
 *
 * @param name the method's name in the catalogue
 * @param recipe optimiser, learning rate, weight decay and projector size unless configured
 * @param settings adds the method's own settings to a configuration definition
 * @param factory creates the method
 * @param encoder what the method needs of its encoder: the modality kit's {@code auto} encoder setting resolves to one
 *     that meets it, and an encoder configured explicitly that cannot is refused at start-up
 */
public record MethodSpec(
        String name,
        Recipe recipe,
        UnaryOperator<ConfigDef> settings,
        Function<MethodContext, SslMethod> factory,
        EncoderRequirement encoder) {

    /** A method that only needs the encoder's features. */
    public MethodSpec(
            String name, Recipe recipe, UnaryOperator<ConfigDef> settings, Function<MethodContext, SslMethod> factory) {
        this(name, recipe, settings, factory, EncoderRequirement.FEATURES);
    }

    /** A method with no settings of its own. */
    public static MethodSpec of(String name, Recipe recipe, Function<MethodContext, SslMethod> factory) {
        return new MethodSpec(name, recipe, UnaryOperator.identity(), factory);
    }

    /** What the topics know of this method. */
    public MethodEntry entry() {
        return MethodCatalog.get(name);
    }

    public SslMethod create(MethodContext context) {
        return factory.apply(context);
    }
}
