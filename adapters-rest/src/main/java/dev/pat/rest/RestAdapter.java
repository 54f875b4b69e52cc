package dev.pat.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The REST adapter as a unit the composition root imports: the platform API, its failures and its log. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestAdapter.class)
public class RestAdapter {
    /** After the access log, before anything else (Boot's filters are moved behind it). */
    static final int API_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<AccessLog> accessLog(Environment environment) {
        // the log's facts as fields only where a structured format reads them (the profile json-logs)
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(
                environment.matchesProfiles("json-logs") ? AccessLog.structured() : AccessLog.plain());
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
     * Boot's character encoding and request observation filters placed after the platform API's, which answers every
     * call under its paths itself and passes only the rest (the page, the actuator) down the chain. Neither has work
     * to do on a platform call: the API decodes its parameters as UTF-8 whatever the request says, and times its own
     * calls ({@code pat.api.duration}, by method) at a fraction of the cost of an observation. Boot puts both at the
     * top of the chain (the observation, a no-op one for the platform's paths, cost 3-4 % of a refused call's time).
     */
    @Bean
    static BeanPostProcessor bootFiltersAfterThePlatformApi() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof ServerHttpObservationFilter) {
                    registration.setOrder(API_ORDER + 1);
                } else if (bean instanceof OrderedCharacterEncodingFilter encoding) {
                    encoding.setOrder(API_ORDER + 1);
                }
                return bean;
            }
        };
    }

    /** Times in answers as the platform writes them. */
    @Bean
    JacksonModule platformTimes() {
        return new PlatformJson();
    }
}
