package dev.pat.rest;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.PatFailure;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.TokenLimitReached;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.TwoFactorFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** The one place where the core's failures, our faults and unknown paths become the platform's answers. */
final class FailureAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(FailureAnswers.class);

    /** The result code of each expected failure, as PROTOCOL.md numbers them. */
    static final Map<Class<? extends PatFailure>, Integer> RESULTS = Map.ofEntries(
            Map.entry(InvalidInput.class, 4),
            Map.entry(TokenNotFound.class, 5),
            Map.entry(PermissionDenied.class, 8),
            Map.entry(EnvironmentNotFound.class, 11),
            Map.entry(SignInFailed.class, 701),
            Map.entry(NotAuthenticated.class, 702),
            Map.entry(PasswordConfirmationFailed.class, 703),
            Map.entry(TwoFactorFailed.class, 704),
            Map.entry(TooManyAttempts.class, 705),
            Map.entry(TokenLimitReached.class, 706),
            Map.entry(RateLimited.class, 707));

    private FailureAnswers() {
    }

    static int resultOf(PatFailure failure) {
        Integer result = RESULTS.get(failure.getClass());
        if (result == null) {
            throw new IllegalStateException("no result code for " + failure.getClass().getSimpleName());
        }
        return result;
    }

    /** Always HTTP 200 for a known method: several clients read {@code result} only from a 200. */
    static Reply of(PatFailure failure, String source) {
        Optional<java.time.Duration> wait = failure instanceof TooManyAttempts t ? Optional.of(t.retryAfter())
                : failure instanceof RateLimited r ? Optional.of(r.retryAfter()) : Optional.empty();
        return new Reply(200, Answers.failure(resultOf(failure), failure.getMessage(), source), wait);
    }

    /** A path that names no method: HTTP 404, in the platform's shape. */
    static Reply unknown(String path) {
        return new Reply(404, Answers.failure(4, "unknown method: " + printable(path), "platform"), Optional.empty());
    }

    /** A request the server refuses before any method is reached (HTTP 4xx), in the platform's shape. */
    static Reply refused(int status, String why) {
        return new Reply(status, Answers.failure(4, why, "platform"), Optional.empty());
    }

    /**
     * A fault of ours: the stack trace goes to the log under an incident id, and the caller gets the same id, so an
     * operator can find what happened; nothing else about it leaves the server.
     */
    static Reply fault(Throwable fault, String verb, String path, String source) {
        String incident = Incident.newId();
        LOG.error("internal error, incident {}, in {} {}", incident, verb, printable(path), fault);
        return new Reply(500, Answers.failure(99, "internal error (incident " + incident + ")", source),
                Optional.empty());
    }

    static String printable(String path) {
        StringBuilder printable = new StringBuilder();
        appendPrintable(printable, path);
        return printable.toString();
    }

    /** Appends {@link #printable}'s form of the path; by hand, not a regular expression: it runs per request. */
    static void appendPrintable(StringBuilder out, String path) {
        if (path == null) {
            return;
        }
        int length = Math.min(path.length(), 120);
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/'
                    || c == '.' || c == '_' || c == '-';
            out.append(plain ? c : '?');
        }
        if (path.length() > 120) {
            out.append('…');
        }
    }
}
