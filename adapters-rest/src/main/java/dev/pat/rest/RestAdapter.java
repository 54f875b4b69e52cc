package dev.pat.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationPredicate;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The REST adapter as a unit the composition root imports: the platform API, its failures and its log. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestAdapter.class)
public class RestAdapter {
    /** After the access log and Boot's observation of requests (their timings), before anything else. */
    static final int API_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<AccessLog> accessLog(Environment environment) {
        // the log's facts as fields only where a structured format reads them (the profile json-logs)
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(
                new AccessLog(environment.matchesProfiles("json-logs")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PlatformApiFilter> platformApi(Endpoints endpoints, JsonMapper json, HttpLimits limits,
                                                          ObjectProvider<MeterRegistry> registry) {
        FilterRegistrationBean<PlatformApiFilter> registration = new FilterRegistrationBean<>(
                new PlatformApiFilter(endpoints, json, limits,
                        new ApiCounts(registry.getIfAvailable(() -> Metrics.globalRegistry))));
        registration.setOrder(API_ORDER);
        registration.setAsyncSupported(true);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tomcat's own error pages (for requests refused before any filter runs) replaced by the platform's JSON shape;
     * runs after Boot's customizer, which adds an HTML one.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorPages() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    StandardHost host = (StandardHost) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                    host.getPipeline().addValve(new JsonErrorReportValve());
                });
            }
        };
    }

    /**
     * Boot's {@code http.server.requests} observation is left to everything but the platform API, which times its
     * own calls ({@code pat.api.duration}, by method) at a fraction of the cost: an observation costs more than a
     * whole verification.
     */
    @Bean
    ObservationPredicate platformApiTimesItself() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && ApiRoute.of(server.getCarrier().getRequestURI()) != null);
    }

    /** Times in answers as the platform writes them. */
    @Bean
    JacksonModule platformTimes() {
        return new PlatformJson();
    }
}
