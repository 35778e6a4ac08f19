package org.masthead.cache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.masthead.web.ReaderUrls;

/**
 * A reader's request as the application renders it for the page filter: always a {@code GET} (a {@code HEAD}
 * needs the whole page for its length and ETag), without conditional headers (the filter answers those, from
 * the finished page), and showing only the query parameters the page reads, first value only, so the page
 * rendered is exactly the one its cache key names.
 */
final class RenderRequest extends HttpServletRequestWrapper {

    private static final Set<String> HIDDEN_HEADERS =
            Set.of("if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range");

    private final Map<String, String[]> parameters;
    private final String queryString;

    RenderRequest(HttpServletRequest request, ReaderUrls page) {
        super(request);
        if (page.readsAll()) {
            this.parameters = null;
            this.queryString = request.getQueryString();
        } else {
            Map<String, String[]> kept = new LinkedHashMap<>();
            StringBuilder query = new StringBuilder();
            request.getParameterMap().forEach((name, values) -> {
                if (page.reads(name) && values.length > 0) {
                    kept.put(name, new String[] {values[0]});
                    query.append(query.isEmpty() ? "" : "&")
                            .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(values[0], StandardCharsets.UTF_8));
                }
            });
            this.parameters = Collections.unmodifiableMap(kept);
            this.queryString = query.isEmpty() ? null : query.toString();
        }
    }

    /** The page cache's key: the path and the parameters the page reads. */
    String cacheKey() {
        return queryString == null ? getRequestURI() : getRequestURI() + "?" + queryString;
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getParameter(String name) {
        if (parameters == null) {
            return super.getParameter(name);
        }
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        if (parameters == null) {
            return super.getParameterValues(name);
        }
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf(RenderRequest::hidden);
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    private static boolean hidden(String name) {
        return name != null && HIDDEN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
