package org.cetdialogue.tracker.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * An {@code ETag} (a hash of the body) on the dashboard page and its assets, which are served with {@code
 * Cache-Control: no-cache} ({@code spring.web.resources.cache.cachecontrol.no-cache}): a browser keeps them and asks
 * again with {@code If-None-Match}, and gets {@code 304} with no body while they have not changed. Nothing else gets
 * one: API answers stay {@code no-store}, and a stream must not be buffered to be hashed.
 */
@Component
public class StaticAssetEtags extends ShallowEtagHeaderFilter {

    /** Weak: Tomcat compresses no response that carries a strong ETag (the compressed bytes differ). */
    public StaticAssetEtags() {
        setWriteWeakETag(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/")
                || path.equals("/index.html")
                || path.startsWith("/dashboard/")
                || path.startsWith("/webjars/"));
    }
}
