package org.masthead.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * uPlot, the charting library of the readership page, served from its WebJar at {@code /admin/assets/uplot/}
 * (staff only, like the page), fingerprinted by content like the application's own scripts. The WebJar's version
 * is read from the jar itself, so upgrading it is a change to the build alone.
 */
@Configuration(proxyBeanMethods = false)
class UplotAssets implements WebMvcConfigurer {

    static final String PATH = "/admin/assets/uplot/";

    private final WebProperties.Resources resources;

    UplotAssets(WebProperties web) {
        this.resources = web.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/uplot/" + version() + "/dist/")
                .setCacheControl(resources.getCache().getCachecontrol().toHttpCacheControl())
                .resourceChain(resources.getChain().isCache())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    static String version() {
        try (InputStream in =
                UplotAssets.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The uPlot WebJar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
