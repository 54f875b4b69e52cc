package dev.pat.acceptance.api;

import dev.pat.acceptance.report.FaceReport;

import java.io.IOException;
import java.io.OutputStream;

/** The specification's report as run through the HTTP API. */
public final class ApiFaceReport extends FaceReport {
    public ApiFaceReport(OutputStream out) throws IOException {
        super(out, "the HTTP API");
    }
}
