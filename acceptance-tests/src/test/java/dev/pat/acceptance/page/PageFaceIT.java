package dev.pat.acceptance.page;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/** Every scenario of the specification, through the dashboard page in real Chromium. */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.pat.acceptance.steps,dev.pat.acceptance.page")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @api-only and not @shell-only and not @no-page")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "summary, dev.pat.acceptance.page.PageFaceReport:target/cucumber/page.html,"
                + " json:target/cucumber/page.json")
public class PageFaceIT {
}
