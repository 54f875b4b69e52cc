package dev.pat.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One line per request: verb, path, query with every secret redacted, status and time. The Authorization
 * header and the body are never logged.
 */
class AccessLog extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger("pat.access");
    private static final Pattern SECRETS = Pattern.compile("(?i)(^|&)(session|password|key|code)=[^&]*");

    static String redact(String query) {
        return query == null ? "" : "?" + SECRETS.matcher(query).replaceAll("$1$2=[redacted]");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}{} {} {}ms", request.getMethod(), request.getRequestURI(),
                        redact(request.getQueryString()), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
