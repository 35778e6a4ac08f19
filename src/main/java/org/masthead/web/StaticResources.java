package org.masthead.web;

import java.util.List;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files ({@code /css/**}, {@code /js/**}, {@code /img/**}), fingerprinted by content and cached as the
 * {@code spring.web.resources.*} properties say. Served from these three folders only, instead of Spring Boot's
 * default {@code /**} ({@code spring.web.resources.add-mappings=false}): with {@code /**}, every link a page writes
 * ({@code /articles/…}, {@code /authors/…}) was looked up on the classpath by the resource URL encoding, a walk
 * through the jar for each link of each page that never found anything (half the time of an article page).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final List<String> FOLDERS = List.of("css", "js", "img");

    private final WebProperties.Resources resources;

    StaticResources(WebProperties web) {
        this.resources = web.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(resources.getCache().getCachecontrol().toHttpCacheControl())
                    .setUseLastModified(resources.getCache().isUseLastModified())
                    .resourceChain(resources.getChain().isCache())
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }
}
