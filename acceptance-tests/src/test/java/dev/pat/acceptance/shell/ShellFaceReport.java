package dev.pat.acceptance.shell;

import dev.pat.acceptance.report.FaceReport;

import java.io.IOException;
import java.io.OutputStream;

/** The specification's report as run through the admin shell. */
public final class ShellFaceReport extends FaceReport {
    public ShellFaceReport(OutputStream out) throws IOException {
        super(out, "the admin shell");
    }
}
