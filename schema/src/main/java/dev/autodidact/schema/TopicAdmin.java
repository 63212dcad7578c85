package dev.autodidact.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the application's topics with explicit partitions and configs; existing topics are left as they are. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** Creates every topic in {@code specs} that does not exist yet and waits for the result. */
    public static void ensure(Admin admin, Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .distinct()
                    .map(s -> new NewTopic(s.name(), s.partitions(), (short) -1).configs(s.configs()))
                    .toList();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("Could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Could not list or create topics", e);
        }
    }
}
