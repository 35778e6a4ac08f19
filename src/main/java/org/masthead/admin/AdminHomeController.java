package org.masthead.admin;

import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleRow;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.security.StaffUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The newsroom's dashboard: what awaits review, the scheduled queue, what was published lately, and the
 * signed-in member's own drafts. A contributor sees only their own articles in each list.
 */
@Controller
class AdminHomeController {

    static final int LIST_SIZE = 10;

    private final ArticleService articles;

    AdminHomeController(ArticleService articles) {
        this.articles = articles;
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
        return "admin/home";
    }

    /** The first {@value #LIST_SIZE} articles of a list in this order, the id breaking ties the same way. */
    private Page<ArticleRow> first(ArticleFilter filter, Sort.Order order, StaffUser me) {
        Sort.Order byId = order.isAscending() ? Sort.Order.asc("id") : Sort.Order.desc("id");
        return articles.list(filter, PageRequest.of(0, LIST_SIZE, Sort.by(order, byId)), me);
    }
}
