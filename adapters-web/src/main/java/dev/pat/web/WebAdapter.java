package dev.pat.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The dashboard page: static files under {@code static/} (served by Boot at {@code /}) and the headers that keep it
 * safe. The page is a client of the public platform API and nothing else: this adapter has no Java code that
 * reaches the core.
 */
@Configuration(proxyBeanMethods = false)
public class WebAdapter {
    /**
     * Only the page's own files run; nothing inline, nothing from elsewhere, no framing, no referrer; the API is
     * called on the page's own origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Sets the page's security headers on every answer that is not the platform API's own: the API answers JSON,
     * never a document a browser renders, and sets its own ({@code Cache-Control: no-store},
     * {@code X-Content-Type-Options: nosniff}).
     */
    static final class SecurityHeaders extends OncePerRequestFilter {
        private static final String FILTERED = SecurityHeaders.class.getName() + ".FILTERED";

        /** A constant: Spring's default builds this name anew for every request. */
        @Override
        protected String getAlreadyFilteredAttributeName() {
            return FILTERED;
        }

        /**
         * The platform API's paths: {@code /1.0/...}, or {@code /{service}/{group}/rest/{method}} without the version
         * as its clients may send them; none of the page's files is under a {@code rest} folder.
         */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return path.startsWith("/1.0/") || path.contains("/rest/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            chain.doFilter(request, response);
        }
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> pageSecurityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
