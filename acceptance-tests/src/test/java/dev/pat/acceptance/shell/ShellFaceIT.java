package dev.pat.acceptance.shell;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/** Every scenario of the specification, through the admin shell (and the HTTP API where a token is used). */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.pat.acceptance.steps,dev.pat.acceptance.shell")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @api-only")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "summary, dev.pat.acceptance.shell.ShellFaceReport:target/cucumber/shell.html,"
                + " json:target/cucumber/shell.json")
public class ShellFaceIT {
}
