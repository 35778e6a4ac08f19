package org.masthead.markdown.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.markdown.HtmlToMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rich text pasted into a Markdown field becomes Markdown here: the editor's script ({@code static/js/paste.js})
 * sends the clipboard's HTML as the request body and inserts the answer at the caret. Staff only (under
 * {@code /admin}) and CSRF-checked like every staff POST; the body is bounded, and anything the converter cannot
 * take is answered with a status and a message, so the script falls back to the plain text.
 */
@RestController
@RequestMapping("/admin/markdown")
class MarkdownAdminController {

    /** The largest HTML accepted: a long article from Word is a few hundred kilobytes of it. */
    static final int MAX_HTML_BYTES = 4 * 1024 * 1024;

    static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(MarkdownAdminController.class);

    private final HtmlToMarkdown htmlToMarkdown;
    private final MessageSource messages;

    MarkdownAdminController(HtmlToMarkdown htmlToMarkdown, MessageSource messages) {
        this.htmlToMarkdown = htmlToMarkdown;
        this.messages = messages;
    }

    /**
     * Converts the HTML in the request body. {@code footnotes} lists the footnote labels already in the text the
     * paste goes into (comma-separated, from the query string): the pasted notes are numbered around them.
     */
    @PostMapping("/from-html")
    ResponseEntity<String> fromHtml(
            HttpServletRequest request, @RequestParam(name = "footnotes", defaultValue = "") String footnotes)
            throws IOException {
        if (request.getContentLengthLong() > MAX_HTML_BYTES) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "paste.too-large", request);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_HTML_BYTES + 1);
        }
        if (bytes.length > MAX_HTML_BYTES) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "paste.too-large", request);
        }
        String html = new String(bytes, StandardCharsets.UTF_8);
        String markdown;
        try {
            markdown = htmlToMarkdown.convert(html, labels(footnotes));
        } catch (RuntimeException | StackOverflowError ex) {
            log.warn("Pasted HTML ({} bytes) could not be converted to Markdown", bytes.length, ex);
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, "paste.unconvertible", request);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_MARKDOWN)
                .header("Cache-Control", "no-store")
                .body(markdown);
    }

    /** The labels listed, each as written in {@code [^label]}; at most a thousand, each at most 100 characters. */
    private static Set<String> labels(String footnotes) {
        return Arrays.stream(footnotes.split(","))
                .map(String::strip)
                .filter(label -> !label.isEmpty() && label.length() <= 100)
                .limit(1000)
                .collect(Collectors.toUnmodifiableSet());
    }

    private ResponseEntity<String> refuse(HttpStatus status, String messageKey, HttpServletRequest request) {
        String message =
                messages.getMessage(messageKey, new Object[] {MAX_HTML_BYTES / (1024 * 1024)}, request.getLocale());
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(message);
    }
}
