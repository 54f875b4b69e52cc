package dev.pat.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * {@code /error}, where the container sends what went wrong outside the platform API's methods (an unknown path, a
 * bad request, a fault): answered in the platform's {@code {"result": …}} shape too, never an HTML page.
 */
@RestController
class JsonErrors implements ErrorController {
    private final JsonMapper json;

    JsonErrors(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        Reply reply;
        if (status == 404) {
            reply = FailureAnswers.unknown(path);
        } else if (status >= 500) {
            Object fault = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Throwable cause = fault instanceof Throwable t ? t : new IllegalStateException("HTTP " + status);
            reply = FailureAnswers.fault(cause, request.getMethod(), path, "platform");
        } else {
            reply = FailureAnswers.refused(status, "the request could not be read (HTTP " + status + ")");
        }
        reply.writeTo(response, json);
    }
}
