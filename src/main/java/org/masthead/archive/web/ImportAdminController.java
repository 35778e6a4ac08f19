package org.masthead.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.archive.ArchiveImport;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.archive.ImportReport;
import org.masthead.archive.ImportRuns;
import org.masthead.archive.ImportRuns.ImportRun;
import org.masthead.archive.ImportUploads;
import org.masthead.archive.ImportUploads.StoredFile;
import org.masthead.archive.SectionMapping;
import org.masthead.archive.source.ImportFileException;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports from the admin (admins only): upload a WordPress or Ghost export, see its dry run's report, then start
 * the import, which runs in the background with its progress on the run's page. The file comes as the request's
 * own body, sent by the page's script ({@code import-upload.js}), so it streams to disk under the import limit
 * (200 MB), not the image upload's; without script the form's multipart upload works for files within the media
 * library's request limit.
 */
@Controller
@RequestMapping("/admin/import")
class ImportAdminController {

    private final ArchiveImport imports;
    private final ImportRuns runs;
    private final ImportUploads uploads;
    private final SectionService sections;
    private final MessageSource messages;

    ImportAdminController(
            ArchiveImport imports,
            ImportRuns runs,
            ImportUploads uploads,
            SectionService sections,
            MessageSource messages) {
        this.imports = imports;
        this.runs = runs;
        this.uploads = uploads;
        this.sections = sections;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("runs", runs.recent(20));
        model.addAttribute("sections", sections.all());
        model.addAttribute("maxMegabytes", uploads.maxBytes() / (1024 * 1024));
        return "admin/archive/import";
    }

    /** The form's multipart upload (without script). */
    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String checkMultipart(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "wordpress") String format,
            @RequestParam(defaultValue = "") String uploadsFolder,
            @RequestParam(required = false) Long pagesSection,
            @RequestParam(defaultValue = "") String sectionMap,
            @RequestParam(defaultValue = "false") boolean update,
            Model model) {
        try (InputStream in = file.getInputStream()) {
            long id = check(in, file.getOriginalFilename(), format, uploadsFolder, pagesSection, sectionMap, update);
            return "redirect:/admin/import/" + id;
        } catch (ImportFileException ex) {
            model.addAttribute("importError", message(ex));
            return form(model);
        } catch (IOException ex) {
            model.addAttribute("importError", messages.getMessage("import.file.unreadable", null, Locale.ENGLISH));
            return form(model);
        }
    }

    /** The script's upload: the file is the body. Answers where to go next, or the message for the form. */
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> checkStream(
            HttpServletRequest request,
            @RequestParam(defaultValue = "archive.xml") String name,
            @RequestParam(defaultValue = "wordpress") String format,
            @RequestParam(defaultValue = "") String uploadsFolder,
            @RequestParam(required = false) Long pagesSection,
            @RequestParam(defaultValue = "") String sectionMap,
            @RequestParam(defaultValue = "false") boolean update)
            throws IOException {
        if (request.getContentLengthLong() > uploads.maxBytes()) {
            request.getInputStream().close();
            return ResponseEntity.unprocessableContent()
                    .body(Map.of(
                            "error",
                            message(new ImportFileException(
                                    "import.file.too-large", "too large", uploads.maxBytes() / (1024 * 1024)))));
        }
        try {
            long id = check(request.getInputStream(), name, format, uploadsFolder, pagesSection, sectionMap, update);
            return ResponseEntity.ok(Map.of("location", request.getContextPath() + "/admin/import/" + id));
        } catch (ImportFileException ex) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", message(ex)));
        }
    }

    private long check(
            InputStream in,
            String name,
            String formatName,
            String uploadsFolder,
            Long pagesSection,
            String sectionMap,
            boolean update) {
        Format format;
        try {
            format = Format.parse(formatName);
        } catch (IllegalArgumentException ex) {
            throw new ImportFileException("import.form.format", formatName);
        }
        Path folder = null;
        if (!uploadsFolder.isBlank()) {
            folder = uploads.uploadsFolder(uploadsFolder);
        }
        if (pagesSection != null) {
            sections.get(pagesSection);
        }
        Map<String, Long> mapping = SectionMapping.parse(
                sectionMap, slug -> sections.findBySlug(slug).map(Section::getId));
        StoredFile stored = uploads.store(in);
        Options options = new Options(folder, pagesSection, mapping, update);
        try {
            ImportReport dry = imports.dryRun(stored.path(), format, options);
            String fileName = name == null || name.isBlank() ? "archive" : name.strip();
            return runs.checked(stored.sha256(), fileName, stored.path(), format, options, dry);
        } catch (RuntimeException ex) {
            uploads.delete(stored.path());
            throw ex;
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ImportRun run = runs.find(id)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("run", run);
        return "admin/archive/import-run";
    }

    @GetMapping(path = "/{id}/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id) {
        ImportRun run = runs.find(id)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        return Map.of(
                "state", run.state(),
                "done", run.done(),
                "total", run.total(),
                "percent", run.percent(),
                "current", run.currentItem(),
                "problems", run.problems(),
                "error", run.error());
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        ImportRun run = runs.find(id)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        if (!Files.isRegularFile(run.file())) {
            flash.addFlashAttribute("error", "import.run.file-gone");
        } else if (!runs.start(me, id)) {
            flash.addFlashAttribute("error", "import.run.not-startable");
        }
        return "redirect:/admin/import/" + id;
    }

    private String message(ImportFileException ex) {
        return messages.getMessage(ex.getMessageKey(), ex.getArguments(), ex.getMessageKey(), Locale.ENGLISH);
    }
}
