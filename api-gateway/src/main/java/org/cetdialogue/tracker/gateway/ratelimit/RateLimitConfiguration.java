package org.cetdialogue.tracker.gateway.ratelimit;

import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits as servlet filters around Spring Security's chain: failed sign-ins (per username and address, and
 * per address) are counted before it, requests per user after it (where the principal is known). Off with {@code tracker.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "tracker.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<FailedLoginLimitFilter> failedLoginLimitFilter(
            RateLimitProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<FailedLoginLimitFilter> registration =
                new FilterRegistrationBean<>(new FailedLoginLimitFilter(
                        new RateLimiters(properties.failedLoginsPerUserAndAddress()),
                        new RateLimiters(properties.failedLoginsPerAddress()),
                        problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UserRateLimitFilter> userRateLimitFilter(
            RateLimitProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<UserRateLimitFilter> registration = new FilterRegistrationBean<>(
                new UserRateLimitFilter(new RateLimiters(properties.requestsPerUser()), problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
