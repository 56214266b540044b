package org.cetdialogue.tracker.query.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.cetdialogue.tracker.query.audit.chain.EventChainProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit features sign checkpoints of the hash chain on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {

    /**
     * The hash chain must never skip an event: a failure there rolls the batch back and the processor retries it
     * (instead of Axon's default, which logs the failure and moves on).
     */
    @Bean
    ConfigurerModule eventChainFailsLoudly() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        EventChainProcessor.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
