package org.masthead.webhook.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.masthead.security.StaffUser;
import org.masthead.webhook.InvalidWebhookException;
import org.masthead.webhook.WebhookEvent;
import org.masthead.webhook.Webhooks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins register, see and delete the webhooks ({@code /admin/webhooks}) and see the latest deliveries. A new
 * webhook's secret is shown once, on the page after it is added.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

    private static final int DELIVERIES_SHOWN = 30;

    private final Webhooks webhooks;

    WebhookAdminController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("webhooks", webhooks.all(me));
        model.addAttribute("deliveries", webhooks.recentDeliveries(me, DELIVERIES_SHOWN));
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute("adminSection", "webhooks");
        return "admin/webhooks/list";
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam(name = "url", defaultValue = "") String url,
            @RequestParam(name = "events", required = false) List<String> events,
            @RequestParam(name = "description", defaultValue = "") String description,
            RedirectAttributes flash) {
        try {
            Webhooks.Created created = webhooks.create(me, url, chosen(events), description);
            flash.addFlashAttribute("notice", "webhook.created");
            flash.addFlashAttribute("createdSecret", created.secret());
            flash.addFlashAttribute("createdId", created.webhook().id());
        } catch (InvalidWebhookException ex) {
            flash.addFlashAttribute("error", ex.getMessageKey());
            flash.addFlashAttribute("typedUrl", url);
            flash.addFlashAttribute("typedDescription", description);
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes flash) {
        webhooks.delete(me, id);
        flash.addFlashAttribute("notice", "webhook.deleted");
        return "redirect:/admin/webhooks";
    }

    private static Set<WebhookEvent> chosen(List<String> names) {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        if (names != null) {
            for (WebhookEvent event : WebhookEvent.values()) {
                if (names.contains(event.wireName())) {
                    chosen.add(event);
                }
            }
        }
        return chosen;
    }
}
