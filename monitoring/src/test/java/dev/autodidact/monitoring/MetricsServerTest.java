package dev.autodidact.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starts the metrics endpoint on an ephemeral port and scrapes it over HTTP. */
class MetricsServerTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldServeCustomAndJvmMetricsOverHttp() throws Exception {
        try (MetricsServer server = MetricsServer.start("test", 0)) {
            server.registry().counter("autodidact.test.records").increment(3);

            HttpResponse<String> response = get(server.port());

            assertThat(server.port()).isPositive();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("autodidact_test_records_total{service=\"test\"} 3.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_gc_")
                    .contains("process_cpu_usage")
                    .contains("process_uptime_seconds")
                    .contains("autodidact_process_resident_memory_bytes");
        }
    }

    @Test
    void shouldStopServingOnClose() throws Exception {
        int port;
        try (MetricsServer server = MetricsServer.start("test", 0)) {
            port = server.port();
        }

        assertThatThrownBy(() -> get(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldKeepRegistryWithoutEndpointWhenDisabled() throws Exception {
        try (MetricsServer server = MetricsServer.start("test", -1)) {
            server.registry().counter("autodidact.test.records").increment();

            assertThat(server.port()).isEqualTo(-1);
            assertThat(server.scrape()).contains("autodidact_test_records_total{service=\"test\"} 1.0");
        }
    }

    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
