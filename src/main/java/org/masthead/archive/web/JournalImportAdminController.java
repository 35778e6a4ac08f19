package org.masthead.archive.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.archive.ImportProperties;
import org.masthead.archive.JournalImport;
import org.masthead.archive.JournalImportException;
import org.masthead.archive.JournalImportReport;
import org.masthead.security.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Import a Masthead export", on the export page, for admins: the upload is checked first (a dry run that writes
 * nothing and shows what the import would add and every problem), and the file so checked is then imported with one
 * more click. The upload is stored on disk, never in memory; a bad file gets its message on the page.
 */
@Controller
@RequestMapping("/admin/export/import")
class JournalImportAdminController {

    static final String PAGE = "admin/archive/export";

    private static final Logger log = LoggerFactory.getLogger(JournalImportAdminController.class);

    private final JournalImport journalImport;
    private final PendingImports pending;
    private final MessageSource messages;
    private final DataSize maxUploadSize;

    JournalImportAdminController(
            JournalImport journalImport, PendingImports pending, MessageSource messages, ImportProperties properties) {
        this.journalImport = journalImport;
        this.pending = pending;
        this.messages = messages;
        this.maxUploadSize = properties.maxFileSize();
    }

    /** The export page; with {@code ?too-large}, where an upload over the limit is sent back to ({@link ImportTooLargeFilter}). */
    @GetMapping
    String page(@RequestParam(name = "too-large", required = false) String tooLarge, Model model, Locale locale) {
        if (tooLarge != null) {
            model.addAttribute("importError", tooLargeMessage(locale));
        }
        return PAGE;
    }

    @PostMapping
    String check(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importError", messages.getMessage("archive.import.choose-file", null, locale));
            return PAGE;
        }
        if (file.getSize() > maxUploadSize.toBytes()) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            model.addAttribute("importError", tooLargeMessage(locale));
            return PAGE;
        }
        Path stored = store(file);
        try {
            JournalImport.Report report = journalImport.dryRun(stored);
            show(report, model, locale);
            model.addAttribute("importToken", pending.keep(stored));
            return PAGE;
        } catch (JournalImportException ex) {
            delete(stored);
            return refused(ex, model, response, locale);
        } catch (RuntimeException ex) {
            delete(stored);
            return stopped(ex, model, response, locale);
        }
    }

    @PostMapping("/{token:[A-Za-z0-9_-]+}")
    String run(
            @PathVariable String token,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        Path stored = pending.take(token).orElse(null);
        if (stored == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importError", messages.getMessage("archive.import.choose-file", null, locale));
            return PAGE;
        }
        try {
            show(journalImport.importFrom(stored, me), model, locale);
            return PAGE;
        } catch (JournalImportException ex) {
            return refused(ex, model, response, locale);
        } catch (RuntimeException ex) {
            // What was imported stays; the same file imported again completes the import.
            log.warn("The import of a Masthead export stopped", ex);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            model.addAttribute(
                    "importError",
                    messages.getMessage(
                            "archive.import.error.stopped",
                            new Object[] {ex.getClass().getSimpleName()},
                            locale));
            return PAGE;
        } finally {
            delete(stored);
        }
    }

    private void show(JournalImport.Report report, Model model, Locale locale) {
        List<String> lines = JournalImportReport.lines(report, messages, locale);
        model.addAttribute("importReport", report);
        model.addAttribute("importSummary", lines.get(0));
        model.addAttribute("importProblems", lines.subList(1, lines.size()));
    }

    private String refused(JournalImportException ex, Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("importError", messages.getMessage(ex.getMessageKey(), ex.getArguments(), locale));
        return PAGE;
    }

    /** An error the checks did not foresee, most likely from an odd file: said on the page, logged for the admin. */
    private String stopped(RuntimeException ex, Model model, HttpServletResponse response, Locale locale) {
        log.warn("The import of a Masthead export stopped", ex);
        response.setStatus(422);
        model.addAttribute(
                "importError",
                messages.getMessage(
                        "archive.import.error.stopped",
                        new Object[] {ex.getClass().getSimpleName()},
                        locale));
        return PAGE;
    }

    private String tooLargeMessage(Locale locale) {
        return messages.getMessage("archive.import.too-large", new Object[] {maxUploadSize.toMegabytes()}, locale);
    }

    private static Path store(MultipartFile file) {
        try {
            Path stored = Files.createTempFile("masthead-import-", ".zip");
            file.transferTo(stored);
            return stored;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            // a temporary file; the system's clean-up removes it
        }
    }
}
