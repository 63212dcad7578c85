package dev.autodidact.broker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes that use {@link KafkaBrokerExtension} through the JUnit launcher and checks the broker. */
class KafkaBrokerExtensionIT {

    /** The brokers the fixture saw: static field, {@code @BeforeAll} parameter, test parameters, nested class. */
    private static final List<EmbeddedKafkaBroker> SEEN = new ArrayList<>();

    private static final List<String> CLUSTER_IDS = new ArrayList<>();
    private static final List<Boolean> RUNNING_IN_AFTER_ALL = new ArrayList<>();

    @Test
    void shouldGiveEveryTestOfAClassTheSameRunningBrokerAndStopItAfterTheClass() {
        SEEN.clear();
        CLUSTER_IDS.clear();
        RUNNING_IN_AFTER_ALL.clear();

        TestExecutionSummary summary = run(Fixture.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN).hasSize(4).allSatisfy(b -> assertThat(b).isSameAs(SEEN.get(0)));
        assertThat(CLUSTER_IDS).hasSize(3).doesNotContainNull();
        assertThat(RUNNING_IN_AFTER_ALL).containsExactly(true);
        assertThat(Files.exists(SEEN.get(0).workDir()))
                .as("the temporary broker directory is deleted")
                .isFalse();
    }

    @Test
    void shouldRefuseAFinalBrokerField() {
        TestExecutionSummary summary = run(FinalFieldFixture.class);

        assertThat(summary.getFailures())
                .singleElement()
                .satisfies(f -> assertThat(f.getException())
                        .isInstanceOf(ExtensionConfigurationException.class)
                        .hasMessageContaining("final field"));
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(fixture))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    private static String clusterId(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class Fixture {
        private static EmbeddedKafkaBroker broker;

        @BeforeAll
        static void before(EmbeddedKafkaBroker parameter) {
            SEEN.add(broker);
            SEEN.add(parameter);
        }

        @AfterAll
        static void after() throws Exception {
            RUNNING_IN_AFTER_ALL.add(clusterId(broker) != null);
        }

        @Test
        void first(EmbeddedKafkaBroker parameter) throws Exception {
            SEEN.add(parameter);
            CLUSTER_IDS.add(clusterId(parameter));
        }

        @Test
        void second() throws Exception {
            CLUSTER_IDS.add(clusterId(broker));
        }

        @Nested
        class Inner {
            @Test
            void nested(EmbeddedKafkaBroker parameter) throws Exception {
                SEEN.add(parameter);
                CLUSTER_IDS.add(clusterId(parameter));
            }
        }
    }

    @ExtendWith(KafkaBrokerExtension.class)
    static class FinalFieldFixture {
        private static final EmbeddedKafkaBroker BROKER = null;

        @Test
        void neverRuns() {
            assertThat(BROKER).isNull();
        }
    }
}
