package org.masthead.admin;

import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleRow;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ContributorNotices;
import org.masthead.security.StaffUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The newsroom's dashboard: what awaits review, the scheduled queue, what was published lately, and the
 * signed-in member's own drafts. A contributor sees only their own articles in each list, and above them what
 * happened to their pieces (returned with a note, published) until they dismiss it ({@link ContributorNotices}).
 */
@Controller
class AdminHomeController {

    static final int LIST_SIZE = 10;

    private final ArticleService articles;
    private final ContributorNotices notices;

    AdminHomeController(ArticleService articles, ContributorNotices notices) {
        this.articles = articles;
        this.notices = notices;
    }

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal StaffUser me, Model model) {
        ArticleFilter any = ArticleFilter.any();
        model.addAttribute(
                "awaitingReview", first(any.withStatus(ArticleStatus.IN_REVIEW), Sort.Order.asc("updatedAt"), me));
        model.addAttribute(
                "scheduled", first(any.withStatus(ArticleStatus.SCHEDULED), Sort.Order.asc("scheduledAt"), me));
        model.addAttribute(
                "recentlyPublished",
                first(any.withStatus(ArticleStatus.PUBLISHED), Sort.Order.desc("publishedAt"), me));
        model.addAttribute(
                "myDrafts",
                first(
                        any.withStatus(ArticleStatus.DRAFT).withCreatedBy(me.getAccountId()),
                        Sort.Order.desc("updatedAt"),
                        me));
        model.addAttribute("editor", ArticlePermissions.canManage(me));
        model.addAttribute("notices", notices.forMember(me));
        return "admin/home";
    }

    /** Dismisses one of the member's own notices (another member's is left as it is). */
    @PostMapping("/admin/notices/{id:\\d+}/dismiss")
    String dismiss(@PathVariable long id, @AuthenticationPrincipal StaffUser me) {
        notices.dismiss(id, me);
        return "redirect:/admin#for-you";
    }

    @PostMapping("/admin/notices/dismiss")
    String dismissAll(@AuthenticationPrincipal StaffUser me) {
        notices.dismissAll(me);
        return "redirect:/admin";
    }

    /** The first {@value #LIST_SIZE} articles of a list in this order, the id breaking ties the same way. */
    private Page<ArticleRow> first(ArticleFilter filter, Sort.Order order, StaffUser me) {
        Sort.Order byId = order.isAscending() ? Sort.Order.asc("id") : Sort.Order.desc("id");
        return articles.list(filter, PageRequest.of(0, LIST_SIZE, Sort.by(order, byId)), me);
    }
}
