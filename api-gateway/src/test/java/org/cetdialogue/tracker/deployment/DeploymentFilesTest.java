package org.cetdialogue.tracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the Axon Server deployment without a Docker engine: the compose file's services, pinned
 * images, named volumes, health checks and the hostnames the configuration uses; the Dockerfile's stages and user.
 * (.ci/run also parses the compose file with docker-compose itself.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheThreeServicesBesideAxonServerAndPostgresWithPinnedImagesAndNamedVolumes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services)
                .containsOnlyKeys(
                        "axonserver",
                        "postgres",
                        "commitment-command",
                        "commitment-query",
                        "api-gateway",
                        "prometheus",
                        "grafana");
        for (String infrastructure : List.of("axonserver", "postgres", "prometheus", "grafana")) {
            String image = (String) services.get(infrastructure).get("image");
            assertThat(image)
                    .as(infrastructure)
                    .matches("[a-z/]+:v?\\d[\\w.-]*")
                    .doesNotContain("latest");
        }
        for (String infrastructure : List.of("axonserver", "postgres")) {
            assertThat(services.get(infrastructure)).as(infrastructure).containsKey("healthcheck");
        }
        Map<String, Object> axonserver = services.get("axonserver");
        assertThat((Map<String, Object>) axonserver.get("environment"))
                .containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true");
        assertThat((List<String>) axonserver.get("volumes"))
                .containsExactlyInAnyOrder(
                        "axonserver-data:/axonserver/data",
                        "axonserver-events:/axonserver/events",
                        "axonserver-config:/axonserver/config");
        assertThat((Map<String, Object>) compose.get("volumes"))
                .containsKeys("axonserver-data", "axonserver-events", "axonserver-config", "postgres-data");

        for (String service : List.of("commitment-command", "commitment-query", "api-gateway")) {
            Map<String, Object> definition = services.get(service);
            assertThat(definition).as(service).containsKey("build");
            Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
            assertThat(environment)
                    .as(service)
                    .containsEntry("TRACKER_SERVICE", service)
                    .containsEntry("AXONSERVER_SERVERS", "axonserver:8124")
                    .containsEntry("TRACKER_DB_URL", "jdbc:postgresql://postgres:5432/tracker");
        }
        assertThat((List<String>) services.get("api-gateway").get("ports")).containsExactly("8080:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeProvisionsTheDashboardBesidePrometheusScrapingTheGateway() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        List<String> prometheusVolumes =
                (List<String>) services.get("prometheus").get("volumes");
        assertThat(prometheusVolumes)
                .contains(
                        "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                        "prometheus-data:/prometheus");
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(((List<Map<String, Object>>) job.get("static_configs"))
                        .get(0)
                        .get("targets"))
                .isEqualTo(List.of("api-gateway:8080"));
        String passwordFile = (String) ((Map<String, Object>) job.get("basic_auth")).get("password_file");
        assertThat(prometheusVolumes).anyMatch(volume -> volume.endsWith(":" + passwordFile + ":ro"));

        assertThat((List<String>) services.get("grafana").get("volumes"))
                .contains(
                        "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> datasources = new Yaml()
                .load(Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("type", "prometheus");
        Map<String, Object> providers =
                new Yaml().load(Files.readString(ROOT.resolve("deploy/grafana/provisioning/dashboards/tracker.yml")));
        assertThat(((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers"))
                                .get(0)
                                .get("options"))
                        .get("path"))
                .isEqualTo("/var/lib/grafana/dashboards");
        // the dashboard queries the provisioned data source by its uid
        assertThat(Files.readString(ROOT.resolve("deploy/grafana/dashboards/cet-tracker.json")))
                .contains("\"uid\": \"" + datasource.get("uid") + "\"");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("prometheus-data", "grafana-data");
    }

    @Test
    void dockerfileBuildsWithTheWrapperAndRunsAsAnUnprivilegedUser() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));

        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2);
        assertThat(lines).anyMatch(l -> l.startsWith("RUN ./mvnw "));
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build"));
        assertThat(lines)
                .filteredOn(l -> l.startsWith("USER "))
                .singleElement()
                .asString()
                .doesNotContain("root");
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).noneMatch(l -> l.contains(":latest"));
    }
}
