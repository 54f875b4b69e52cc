package dev.pat.rest;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
 * One line per request, when its answer is complete: verb, path, query with every secret redacted, status and
 * time. The Authorization header and the body are never logged.
 */
class AccessLog extends OncePerRequestFilter {
    /** The calling account's id, once the call is authorised. */
    static final String ACCOUNT = AccessLog.class.getName() + ".account";
    /** The calling token's id, for a call authorised by a token. */
    static final String TOKEN = AccessLog.class.getName() + ".token";
    private static final Logger LOG = LoggerFactory.getLogger("pat.access");
    private static final Pattern SECRETS = Pattern.compile("(?i)(^|&)(session|password|key|keys|code)=[^&]*");

    static String redact(String query) {
        return query == null ? "" : "?" + SECRETS.matcher(query).replaceAll("$1$2=[redacted]");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                async = true;
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        log(request, response, start);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        // the platform API answers a timeout itself; the line is written at completion
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        // written at completion
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // not restarted
                    }
                });
            }
        } finally {
            if (!async) {
                log(request, response, start);
            }
        }
    }

    private static void log(HttpServletRequest request, HttpServletResponse response, long start) {
        if (LOG.isInfoEnabled()) {
            // who called, by ids only (never a value), so a line joins the audit trail
            Object account = request.getAttribute(ACCOUNT);
            Object token = request.getAttribute(TOKEN);
            LOG.info("{} {}{} {} {}ms{}{}", request.getMethod(), FailureAnswers.printable(request.getRequestURI()),
                    redact(request.getQueryString()), response.getStatus(), (System.nanoTime() - start) / 1_000_000,
                    account == null ? "" : " account=" + account, token == null ? "" : " token=" + token);
        }
    }
}
