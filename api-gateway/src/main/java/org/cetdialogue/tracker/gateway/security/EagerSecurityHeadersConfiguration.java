package org.cetdialogue.tracker.gateway.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Security headers written before a request proceeds, in every filter chain. A Server-Sent Events stream is written
 * from other threads while the request's own thread is still returning through the filters; Spring Security by
 * default writes its headers on that way out, and the two then touch Tomcat's header table at once (seen as a
 * NullPointerException inside Tomcat and a stream that dies at its first event). Written first, nothing races.
 */
@Configuration(proxyBeanMethods = false)
public class EagerSecurityHeadersConfiguration {

    @Bean
    static BeanPostProcessor eagerSecurityHeaders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SecurityFilterChain chain) {
                    chain.getFilters().stream()
                            .filter(HeaderWriterFilter.class::isInstance)
                            .map(HeaderWriterFilter.class::cast)
                            .forEach(filter -> filter.setShouldWriteHeadersEagerly(true));
                }
                return bean;
            }
        };
    }
}
