package org.masthead.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The site's own error pages for requests the servlet container refuses before any of the application runs: a
 * path with {@code %2f}, {@code ..} or {@code %00}, a request line over the header size limit, a malformed
 * request. Tomcat answers those from its host's {@link ErrorReportValve} (a bare page naming the server); once
 * the server has started, that valve is swapped for one that renders the site's {@link ErrorPage} as any other error
 * does. Errors the application answers itself never reach it (their page is already written).
 */
@Component
class ContainerErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorPages.class);

    private final ITemplateEngine templates;
    private final SiteProperties site;
    private final ApplicationContext context;
    private final ConversionService conversions;
    private final ServletContext servletContext;

    ContainerErrorPages(
            ITemplateEngine templates,
            SiteProperties site,
            ApplicationContext context,
            ConversionService mvcConversionService,
            ServletContext servletContext) {
        this.templates = templates;
        this.site = site;
        this.context = context;
        this.conversions = mvcConversionService;
        this.servletContext = servletContext;
    }

    @EventListener
    void onStarted(ServletWebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        Host host = tomcat.getTomcat().getHost();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof SiteErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new SiteErrorReportValve());
    }

    /** The page for a status the container answered with. */
    static ErrorPage page(int status) {
        if (status == 404 || status == 413) {
            return ErrorPage.of(status).orElseThrow();
        }
        return status >= 500 ? ErrorPage.SERVER_ERROR : ErrorPage.BAD_REQUEST;
    }

    /**
     * Spring Security's firewall refuses some paths the container lets through (an encoded {@code ..}, a
     * {@code ;}): those get the same page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(render(request, response, HttpServletResponse.SC_BAD_REQUEST));
        };
    }

    private String render(HttpServletRequest request, HttpServletResponse response, int status) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
        Map<String, Object> variables = new HashMap<>();
        variables.put("site", site);
        variables.put("messageKey", status == 400 ? "error.bad-address" : null);
        variables.put(ErrorPage.ATTRIBUTE, page(status));
        variables.put(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversions));
        // The container refused the request before mapping it to the application: give the page the application's
        // context (links are built from it) and no session.
        HttpServletRequest unmapped = new HttpServletRequestWrapper(request) {
            @Override
            public ServletContext getServletContext() {
                return servletContext;
            }

            @Override
            public String getContextPath() {
                return servletContext.getContextPath();
            }

            @Override
            public HttpSession getSession(boolean create) {
                return null;
            }
        };
        HttpServletResponse plain = new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return url;
            }
        };
        WebContext web = new WebContext(application.buildExchange(unmapped, plain), Locale.ENGLISH, variables);
        return templates.process(ErrorPage.VIEW, web);
    }

    /** Tomcat's error report, with the site's page instead of Tomcat's; Tomcat's own if rendering fails. */
    final class SiteErrorReportValve extends ErrorReportValve {

        SiteErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String html;
            try {
                html = render(request.getRequest(), response.getResponse(), status);
            } catch (RuntimeException e) {
                log.warn("Could not render the error page for status {}", status, e);
                super.report(request, response, throwable);
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("X-Content-Type-Options", "nosniff");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(html);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone, or the response cannot take a body: nothing more to say.
            }
        }
    }
}
