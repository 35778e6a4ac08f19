package org.masthead.audit.web;

import java.time.Instant;
import java.time.ZoneId;

import org.masthead.audit.AuditEvent;
import org.masthead.audit.AuditSearch;
import org.masthead.security.StaffUser;
import org.masthead.web.PageNumbers;
import org.masthead.web.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Admins browse the audit log: who did what, when, from where; filtered, newest first, 50 a page. */
@Controller
@RequestMapping("/admin/audit")
class AuditAdminController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final SiteProperties site;

    AuditAdminController(AuditSearch search, SiteProperties site) {
        this.search = search;
        this.site = site;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal StaffUser me,
            @ModelAttribute("filter") AuditFilter filter,
            BindingResult errors,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        ZoneId zone = site.timeZone();
        if (errors.hasFieldErrors("from")) {
            filter.setFrom(null);
        }
        if (errors.hasFieldErrors("to")) {
            filter.setTo(null);
        }
        if (filter.getFrom() != null && filter.getTo() != null && filter.getTo().isBefore(filter.getFrom())) {
            errors.rejectValue("to", "audit.filter.to-before-from");
        }
        Instant from = filter.getFrom() == null
                ? null
                : filter.getFrom().atStartOfDay(zone).toInstant();
        Instant until = filter.getTo() == null
                ? null
                : filter.getTo().plusDays(1).atStartOfDay(zone).toInstant();
        int pageIndex = PageNumbers.of(Math.max(page, 1), PAGE_SIZE).getPageNumber();
        Page<AuditEvent> events =
                search.search(me, filter.getActor(), filter.getAction(), from, until, pageIndex, PAGE_SIZE);
        model.addAttribute("events", events);
        model.addAttribute("actions", search.actions());
        model.addAttribute("zone", zone);
        if (events.hasPrevious()) {
            model.addAttribute("previousUrl", pageUrl(filter, pageIndex));
        }
        if (events.hasNext()) {
            model.addAttribute("nextUrl", pageUrl(filter, pageIndex + 2));
        }
        return "admin/audit/list";
    }

    private static String pageUrl(AuditFilter filter, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/audit");
        add(url, "actor", filter.getActor());
        add(url, "action", filter.getAction());
        add(url, "from", filter.getFrom());
        add(url, "to", filter.getTo());
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.queryParam(name, value);
        }
    }
}
