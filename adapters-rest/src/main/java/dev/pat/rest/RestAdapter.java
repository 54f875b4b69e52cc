package dev.pat.rest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;

/** The REST adapter as a unit the composition root imports: the platform API, its failures and its log. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestAdapter.class)
public class RestAdapter {

    @Bean
    FilterRegistrationBean<AccessLog> accessLog() {
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(new AccessLog());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Times in answers as the platform writes them. */
    @Bean
    JacksonModule platformTimes() {
        return new PlatformJson();
    }
}
