package dev.autodidact.cli;

import dev.autodidact.schema.method.MethodCatalog;
import java.util.Iterator;

/** The method names of {@link MethodCatalog}, for {@code --method}'s help text and shell completion. */
final class MethodNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return MethodCatalog.names().iterator();
    }
}
