package dev.pat.acceptance.page;

import dev.pat.acceptance.report.FaceReport;

import java.io.IOException;
import java.io.OutputStream;

/** The specification's report as run through the dashboard page. */
public final class PageFaceReport extends FaceReport {
    public PageFaceReport(OutputStream out) throws IOException {
        super(out, "the dashboard page");
    }
}
