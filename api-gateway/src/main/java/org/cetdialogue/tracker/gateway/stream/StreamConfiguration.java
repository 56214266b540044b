package org.cetdialogue.tracker.gateway.stream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The stream settings under {@code tracker.stream}, and the threads that write stream events: a bounded pool shared
 * by every stream (Spring MVC would otherwise start a new thread for each write). A stream holds no thread while it
 * waits for its next event; Tomcat's request threads are given back as soon as a stream is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StreamProperties.class, StreamDeliveryProperties.class})
public class StreamConfiguration implements WebMvcConfigurer {

    private final ThreadPoolTaskExecutor writers;

    StreamConfiguration(StreamDeliveryProperties delivery) {
        writers = new ThreadPoolTaskExecutor();
        writers.setThreadNamePrefix("stream-writer-");
        writers.setCorePoolSize(delivery.threads());
        writers.setMaxPoolSize(delivery.threads());
        writers.setQueueCapacity(delivery.queueCapacity());
        writers.setDaemon(true);
        // on shutdown the streams are completed (StreamShutdown); what is left to write is dropped, not awaited
        writers.setWaitForTasksToCompleteOnShutdown(false);
        writers.initialize();
    }

    /** The executor Spring MVC writes reactive (stream) answers with. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor streamWriters() {
        return writers;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setTaskExecutor(writers);
    }
}
