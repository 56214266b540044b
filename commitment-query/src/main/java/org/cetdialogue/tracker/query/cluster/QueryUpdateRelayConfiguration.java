package org.cetdialogue.tracker.query.cluster;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instances sharing PostgreSQL without Axon Server ({@code tracker.cluster.update-relay.enabled=true}, set by the
 * {@code postgres} profile): Axon's query update emitter is wrapped so that updates also reach the subscribers of
 * the other instances, through {@link QueryUpdateRelay}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.cluster.update-relay.enabled", havingValue = "true")
public class QueryUpdateRelayConfiguration {

    @Bean
    static BeanPostProcessor relayingQueryUpdateEmitter(ObjectProvider<QueryUpdateRelay> relay) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                if (bean instanceof QueryUpdateEmitter emitter && !(bean instanceof RelayingQueryUpdateEmitter)) {
                    return new RelayingQueryUpdateEmitter(emitter, relay);
                }
                return bean;
            }
        };
    }

    @Bean
    QueryUpdateRelay queryUpdateRelay(
            JdbcTemplate jdbc, DataSourceProperties dataSource, QueryUpdateEmitter queryUpdateEmitter) {
        return new QueryUpdateRelay(jdbc, dataSource, queryUpdateEmitter);
    }
}
