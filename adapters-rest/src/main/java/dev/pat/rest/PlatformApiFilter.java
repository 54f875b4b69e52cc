package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.PatFailure;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.catalog.ApiMethod;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform API over HTTP: finds the method a path names ({@link ApiRoute}), reads the call once
 * ({@link RequestParameters}, {@link PlatformRequest}), hands it to the method's endpoint and writes the answer;
 * every other path goes on to Spring MVC. A body is checked against its limit before it is read and is read without
 * holding a worker thread, within a time limit, so slow or huge bodies cannot starve the calls of others.
 */
final class PlatformApiFilter implements Filter {
    static final String METHOD_ATTRIBUTE = PlatformApiFilter.class.getName() + ".method";
    /** The last second a calling token works, on every answer to a token (absent for one that never expires). */
    static final String TOKEN_EXPIRES = "X-Token-Expires";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformApiFilter.class);
    private static final byte[] NO_BODY = new byte[0];

    private final Endpoints endpoints;
    private final JsonMapper json;
    private final ClientAddresses addresses;
    private final HttpLimits limits;
    private final ApiCounts counts;

    PlatformApiFilter(Endpoints endpoints, JsonMapper json, HttpLimits limits, ApiCounts counts) {
        this.counts = counts;
        this.endpoints = endpoints;
        this.json = json;
        this.limits = limits;
        this.addresses = new ClientAddresses(limits.trustedProxies());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        ApiRoute route = ApiRoute.of(request.getRequestURI());
        if (route == null) {
            chain.doFilter(req, res);
            return;
        }
        if (route.method().isEmpty()) {
            FailureAnswers.unknown(request.getRequestURI()).writeTo(response, json);
            return;
        }
        ApiMethod method = route.method().get();
        request.setAttribute(METHOD_ATTRIBUTE, method);
        String verb = request.getMethod();
        if (!verb.equals("GET") && !verb.equals("POST")) {
            refuse(response, method, new InvalidInput("method", "call the platform API with GET or POST"));
            return;
        }
        long length = request.getContentLengthLong();
        if (length > limits.maxBody()) {
            refuse(response, method, tooLarge());
            return;
        }
        if (length > 0 || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
            readBody(request, response, method, started);
        } else {
            answer(request, response, method, NO_BODY, started);
        }
    }

    private InvalidInput tooLarge() {
        return new InvalidInput("body", "larger than " + limits.maxBody() / 1024 + " KB");
    }

    private void refuse(HttpServletResponse response, ApiMethod method, PatFailure why) throws IOException {
        // what was not read of the body is not waited for
        response.setHeader("Connection", "close");
        FailureAnswers.of(why, method.service()).writeTo(response, json);
    }

    /** Collects the body as it arrives, without a thread waiting for it; answers once it is whole. */
    private void readBody(HttpServletRequest request, HttpServletResponse response, ApiMethod method, long started)
            throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(limits.bodyTimeout().toMillis());
        AtomicBoolean answered = new AtomicBoolean();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletInputStream in = request.getInputStream();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (answered.compareAndSet(false, true)) {
                    refuse(response, method, new InvalidInput("body", "not received within "
                            + limits.bodyTimeout().toSeconds() + " seconds"));
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (answered.compareAndSet(false, true)) {
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                // nothing to do: the answer was written
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        in.setReadListener(new ReadListener() {
            private final byte[] chunk = new byte[8192];

            @Override
            public void onDataAvailable() throws IOException {
                while (in.isReady()) {
                    int read = in.read(chunk);
                    if (read < 0) {
                        return;
                    }
                    body.write(chunk, 0, read);
                    if (body.size() > limits.maxBody() && answered.compareAndSet(false, true)) {
                        refuse(response, method, tooLarge());
                        async.complete();
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() throws IOException {
                if (answered.compareAndSet(false, true)) {
                    answer(request, response, method, body.toByteArray(), started);
                    async.complete();
                }
            }

            @Override
            public void onError(Throwable failure) {
                // the client went away before its body was whole: nothing to answer, nothing to report
                LOG.debug("a request body was not completed: {}", failure.toString());
                if (answered.compareAndSet(false, true)) {
                    async.complete();
                }
            }
        });
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ApiMethod method, byte[] body,
                        long started) throws IOException {
        Reply reply;
        PlatformRequest call = null;
        AccessLog.CallFacts facts = new AccessLog.CallFacts(request.getQueryString());
        try {
            RequestParameters parameters = new RequestParameters(limits.maxParameters())
                    .form(facts.query).body(request.getContentType(), body, json);
            call = new PlatformRequest(method, parameters.values(), bearer(request),
                    "POST".equals(request.getMethod()), addresses.of(request));
            Endpoint endpoint = endpoints.of(method).orElseThrow();
            endpoint.checkSingleValues(call);
            reply = Reply.ok(endpoint.handler().answer(call));
        } catch (PatFailure failure) {
            reply = FailureAnswers.of(failure, method.service());
        } catch (RuntimeException fault) {
            reply = FailureAnswers.fault(fault, request.getMethod(), request.getRequestURI(), method.service());
        }
        if (call != null) {
            // a token's caller is told when it expires, so a script can warn before it breaks (as GitHub does)
            call.caller().flatMap(Caller::tokenExpiresAt).ifPresent(at ->
                    response.setHeader(TOKEN_EXPIRES, Answers.time(at) + " UTC"));
            call.caller().ifPresent(caller -> {
                facts.account = caller.account().value();
                caller.token().ifPresent(token -> facts.token = token.value());
            });
            facts.address = call.address().value();
        }
        int result = reply.body() instanceof java.util.Map<?, ?> answer && answer.get("result") instanceof Integer code
                ? code : -1;
        facts.method = method.canonical();
        facts.result = result;
        request.setAttribute(AccessLog.FACTS, facts);
        try {
            reply.writeTo(response, json);
        } catch (IOException clientGone) {
            LOG.debug("an answer could not be delivered: {}", clientGone.toString());
        }
        counts.count(method, result, System.nanoTime() - started);
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String value = header.substring(7).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
