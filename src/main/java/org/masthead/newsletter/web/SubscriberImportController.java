package org.masthead.newsletter.web;

import java.io.IOException;

import org.masthead.newsletter.SubscriberImport;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Subscriber import from another platform's CSV export (Mailchimp, Substack, Ghost), with a dry run that reports
 * what an import would do. Admins only (the service checks the role; the path is an admin path).
 */
@Controller
class SubscriberImportController {

    private final SubscriberImport imports;

    SubscriberImportController(SubscriberImport imports) {
        this.imports = imports;
    }

    @GetMapping("/admin/subscribers/import")
    String form(Model model) {
        model.addAttribute("dryRun", true);
        return "admin/subscribers/import";
    }

    @PostMapping("/admin/subscribers/import")
    String run(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        model.addAttribute("dryRun", dryRun);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "subscribers.import.error.no-file");
            return "admin/subscribers/import";
        }
        try {
            String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            model.addAttribute("report", imports.run(me, name, file.getBytes(), dryRun));
        } catch (SubscriberImport.UnreadableException ex) {
            model.addAttribute("error", ex.getMessageKey());
        } catch (IOException ex) {
            model.addAttribute("error", "subscribers.import.error.not-csv");
        }
        return "admin/subscribers/import";
    }
}
