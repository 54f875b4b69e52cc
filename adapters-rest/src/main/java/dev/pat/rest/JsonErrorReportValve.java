package dev.pat.rest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own refusals (a URL or headers too large, a request line it cannot read) in the platform's JSON shape
 * rather than Tomcat's HTML page: they happen before any filter or servlet sees the request.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String error = status >= 500 ? "internal error" : status == 404 ? "unknown method"
                : "the request could not be read (HTTP " + status + "): URL or headers too large, or malformed";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"result\":" + (status >= 500 ? 99 : 4) + ",\"error\":\"" + error
                        + "\",\"source\":\"platform\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // nothing more can be said to this client
        }
    }
}
