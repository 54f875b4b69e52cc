package dev.pat.rest;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.PatFailure;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.TokenLimitReached;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.catalog.ApiMethod;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/** The one place where the core's failures become the platform's result codes. */
@RestControllerAdvice
class FailureAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(FailureAnswers.class);

    /** The result code of each expected failure, as PROTOCOL.md numbers them. */
    static final Map<Class<? extends PatFailure>, Integer> RESULTS = Map.of(
            InvalidInput.class, 4,
            TokenNotFound.class, 5,
            PermissionDenied.class, 8,
            EnvironmentNotFound.class, 11,
            SignInFailed.class, 701,
            NotAuthenticated.class, 702,
            PasswordConfirmationFailed.class, 703,
            TwoFactorFailed.class, 704,
            TooManyAttempts.class, 705,
            TokenLimitReached.class, 706);

    static int resultOf(PatFailure failure) {
        Integer result = RESULTS.get(failure.getClass());
        if (result == null) {
            throw new IllegalStateException("no result code for " + failure.getClass().getSimpleName());
        }
        return result;
    }

    @ExceptionHandler(PatFailure.class)
    ResponseEntity<Map<String, Object>> failure(PatFailure failure, HttpServletRequest request) {
        // always HTTP 200 for a known method: several clients read result only from a 200
        return json(HttpStatus.OK, Answers.failure(resultOf(failure), failure.getMessage(), source(request)));
    }

    @ExceptionHandler({UnknownMethod.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> unknown(Exception e, HttpServletRequest request) {
        return json(HttpStatus.NOT_FOUND, Answers.failure(4, "unknown method: " + request.getRequestURI()
                .replaceAll("[^A-Za-z0-9/._-]", "?"), "platform"));
    }

    /**
     * A fault of ours: the stack trace goes to the log under an incident id, and the caller gets the same id, so
     * an operator can find what happened; nothing else about it leaves the server.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> fault(Exception e, HttpServletRequest request) {
        String incident = Incident.newId();
        LOG.error("internal error, incident {}, in {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR, Answers.failure(99, "internal error (incident " + incident
                + ")", source(request)));
    }

    private static String source(HttpServletRequest request) {
        Object method = request.getAttribute(PlatformApiController.METHOD_ATTRIBUTE);
        return method instanceof ApiMethod m ? m.service() : "platform";
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
