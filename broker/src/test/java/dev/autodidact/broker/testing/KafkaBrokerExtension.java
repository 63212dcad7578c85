package dev.autodidact.broker.testing;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts one {@link EmbeddedKafkaBroker} on a temporary directory for a test class and stops it once the class is
 * done, after its {@code @AfterAll} methods.
 *
 * <p>The broker reaches the test through every static field of type {@link EmbeddedKafkaBroker} (set before the
 * class's {@code @BeforeAll} methods run), and through any parameter of that type in a test, lifecycle method or
 * constructor. Nested classes share the broker of their top-level class. Tests on the same broker keep their topics,
 * group and application ids unique.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class SomethingIT {
 *     private static EmbeddedKafkaBroker broker;
 *
 *     @Test
 *     void shouldDoSomething() {
 *         String bootstrap = broker.bootstrapServers();
 *     }
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        List<Field> fields = brokerFields(context.getRequiredTestClass());
        for (Field field : fields) {
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("KafkaBrokerExtension cannot set the final field " + field);
            }
        }
        EmbeddedKafkaBroker broker = broker(context);
        for (Field field : fields) {
            field.setAccessible(true);
            field.set(null, broker);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    /** The broker of the top-level test class, started on first use; JUnit closes it with that class's context. */
    private static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return topLevelClass(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        EmbeddedKafkaBroker.class,
                        type -> EmbeddedKafkaBroker.startTemporary(),
                        EmbeddedKafkaBroker.class);
    }

    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != context.getRoot()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static List<Field> brokerFields(Class<?> testClass) {
        return ReflectionSupport.findFields(
                testClass,
                field -> Modifier.isStatic(field.getModifiers()) && field.getType() == EmbeddedKafkaBroker.class,
                HierarchyTraversalMode.TOP_DOWN);
    }
}
