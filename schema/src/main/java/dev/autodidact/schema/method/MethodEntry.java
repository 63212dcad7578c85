package dev.autodidact.schema.method;

import dev.autodidact.schema.Modality;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One method as the topics see it.
 *
 * @param name lower-case name used on the command line, in topic names and manifests
 * @param modalities the modalities it learns from
 * @param recipe the example it needs from the stream-app
 * @param summary one line for help texts: the paper and what it does
 */
public record MethodEntry(String name, Set<Modality> modalities, ExampleRecipe recipe, String summary) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public MethodEntry {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid method name '" + name + "'");
        }
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("Method " + name + " learns from no modality");
        }
        modalities = Set.copyOf(modalities);
    }

    public boolean supports(Modality modality) {
        return modalities.contains(modality);
    }
}
