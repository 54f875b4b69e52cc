package dev.pat.rest;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line per request, when its answer is complete: verb, path, query with every secret redacted, status and
 * time. The Authorization header and the body are never logged.
 */
class AccessLog extends OncePerRequestFilter {
    /** The platform API's {@link CallFacts} of the request, when it answered one. */
    static final String FACTS = AccessLog.class.getName() + ".facts";
    private static final Logger LOG = LoggerFactory.getLogger("pat.access");
    private static final String FILTERED = AccessLog.class.getName() + ".FILTERED";
    /** The plain lines' writer; null where logback writes JSON lines with the facts as fields (json-logs). */
    private final AccessLines lines;

    /** Plain lines, written by {@link AccessLines}. */
    static AccessLog plain() {
        return new AccessLog(new AccessLines());
    }

    /** JSON lines (Elastic Common Schema), through logback's appenders for the logger {@code pat.access}. */
    static AccessLog structured() {
        return new AccessLog(null);
    }

    private AccessLog(AccessLines lines) {
        this.lines = lines;
    }

    /** The server stops: every line published is written first. */
    @Override
    public void destroy() {
        if (lines != null) {
            lines.close();
        }
    }

    /**
     * What the platform API learned of a call, for its line: one request attribute, set once and read once (a
     * servlet attribute is a map entry, and its setter looks for listeners each time).
     */
    static final class CallFacts {
        /** The query as the platform API read it: Tomcat decodes the query's bytes anew at every request for it. */
        final String query;
        /** The client address the platform API determined (the trusted proxies' word taken into account). */
        String address;
        /** The calling account's id, once the call is authorised (0: none). */
        long account;
        /** The calling token's id, for a call authorised by a token (0: none). */
        long token;
        /** The platform API method called, by its canonical name. */
        String method;
        /** The platform's result code of the answer. */
        int result;

        CallFacts(String query) {
            this.query = query;
        }
    }

    private static final String[] SECRETS = {"session", "password", "key", "keys", "code"};

    /** The query with the value of every secret parameter replaced (an empty string for no query). */
    static String redact(String query) {
        StringBuilder redacted = new StringBuilder();
        appendRedacted(redacted, query);
        return redacted.toString();
    }

    /** Appends "?" and the query with every secret's value replaced; by hand, into one buffer: it runs per request. */
    static void appendRedacted(StringBuilder out, String query) {
        if (query == null) {
            return;
        }
        out.append('?');
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', start);
            if (equals >= 0 && equals < end && secret(query, start, equals)) {
                out.append(query, start, equals + 1).append("[redacted]");
            } else {
                out.append(query, start, end);
            }
            if (end < query.length()) {
                out.append('&');
            }
            start = end + 1;
        }
    }

    /**
     * Whether the parameter named by query[start, end) is a secret, in any case and however it is encoded: the server
     * decodes names, so "sess%69on" is the session and is redacted too (and so is a name that does not decode).
     */
    private static boolean secret(String query, int start, int end) {
        for (String name : SECRETS) {
            if (end - start == name.length() && query.regionMatches(true, start, name, 0, name.length())) {
                return true;
            }
        }
        if (!encoded(query, start, end)) {
            return false;
        }
        String name = query.substring(start, end);
        try {
            String decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
            return Arrays.stream(SECRETS).anyMatch(decoded::equalsIgnoreCase);
        } catch (IllegalArgumentException undecodable) {
            return true;
        }
    }

    /** Whether query[start, end) holds an escape or a plus, so that its decoded name may differ from the text. */
    private static boolean encoded(String query, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = query.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
    }

    /** A constant: Spring's default builds this name anew for every request. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return FILTERED;
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

    private void log(HttpServletRequest request, HttpServletResponse response, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        // who called, by ids only (never a value), so a line joins the audit trail; in JSON logs, as fields
        CallFacts facts = request.getAttribute(FACTS) instanceof CallFacts known ? known : null;
        long millis = (System.nanoTime() - start) / 1_000_000;
        String verb = request.getMethod();
        String query = facts != null ? facts.query : request.getQueryString();
        if (lines != null) {
            lines.publish(verb, request.getRequestURI(), query, response.getStatus(), millis, facts);
            return;
        }
        StringBuilder text = new StringBuilder(256);
        int pathEnd = appendLine(text, verb, request.getRequestURI(), query, response.getStatus(), millis, facts);
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("http.method", verb)
                .addKeyValue("url.path", text.substring(verb.length() + 1, pathEnd))
                .addKeyValue("http.status", response.getStatus()).addKeyValue("duration.ms", millis);
        if (facts != null) {
            if (facts.address != null) {
                line = line.addKeyValue("client.address", facts.address);
            }
            line = line.addKeyValue("pat.method", facts.method).addKeyValue("pat.result", facts.result);
            if (facts.account != 0) {
                line = line.addKeyValue("pat.account", facts.account);
            }
            if (facts.token != 0) {
                line = line.addKeyValue("pat.token", facts.token);
            }
        }
        line.log(text.toString());
    }

    /**
     * Appends the line's text, {@code GET /path?query 200 3ms from=... result=0 account=1 token=2}, the path made
     * printable and the query redacted; answers where the path and query end.
     */
    static int appendLine(StringBuilder text, String verb, String path, String query, int status, long millis,
                          CallFacts facts) {
        text.append(verb).append(' ');
        FailureAnswers.appendPrintable(text, path);
        appendRedacted(text, query);
        int pathEnd = text.length();
        text.append(' ').append(status).append(' ').append(millis).append("ms");
        if (facts != null) {
            if (facts.address != null) {
                text.append(" from=").append(facts.address);
            }
            text.append(" result=").append(facts.result);
            if (facts.account != 0) {
                text.append(" account=").append(facts.account);
            }
            if (facts.token != 0) {
                text.append(" token=").append(facts.token);
            }
        }
        return pathEnd;
    }
}
