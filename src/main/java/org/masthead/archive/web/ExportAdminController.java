package org.masthead.archive.web;

import java.time.Clock;
import java.time.LocalDate;

import org.masthead.archive.JournalExport;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The whole journal as one zip, for admins: a page that says what is in it, and the download. */
@Controller
@RequestMapping("/admin/export")
class ExportAdminController {

    private final JournalExport export;
    private final SiteProperties site;
    private final Clock clock;

    ExportAdminController(JournalExport export, SiteProperties site, Clock clock) {
        this.export = export;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping
    String page() {
        return "admin/archive/export";
    }

    @GetMapping("/download")
    ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal StaffUser me) {
        export.recordExport(me);
        String name = "masthead-export-" + LocalDate.ofInstant(clock.instant(), site.timeZone()) + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(out -> export.writeTo(me, out));
    }
}
