package dev.pat.acceptance.api;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/** Every scenario of the specification, through the HTTP API. */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.pat.acceptance.steps,dev.pat.acceptance.api")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @shell-only and not @ui-only")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "summary, dev.pat.acceptance.api.ApiFaceReport:target/cucumber/api.html, json:target/cucumber/api.json")
public class ApiFaceIT {
}
