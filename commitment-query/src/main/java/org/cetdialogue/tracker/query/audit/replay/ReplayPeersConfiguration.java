package org.cetdialogue.tracker.query.audit.replay;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instances sharing PostgreSQL and its token store ({@code tracker.cluster.replay-peers.enabled=true}, set by the
 * {@code postgres} profile) pause their processors for a replay started on another: see {@link ReplayPeers}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.cluster.replay-peers.enabled", havingValue = "true")
public class ReplayPeersConfiguration {

    @Bean
    ReplayPeers replayPeers(
            JdbcTemplate jdbc,
            DataSourceProperties dataSource,
            EventProcessingConfiguration processing,
            @Value("${tracker.cluster.replay-peers.resume-after:PT60S}") Duration resumeAfter) {
        return new ReplayPeers(jdbc, dataSource, processing, resumeAfter);
    }
}
