package org.masthead.admin;

import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.security.StaffUser;
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
                "awaitingReview",
                articles.list(
                        any.withStatus(ArticleStatus.IN_REVIEW),
                        PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.asc("updatedAt"), Sort.Order.asc("id"))),
                        me));
        model.addAttribute(
                "scheduled",
                articles.list(
                        any.withStatus(ArticleStatus.SCHEDULED),
                        PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.asc("scheduledAt"), Sort.Order.asc("id"))),
                        me));
        model.addAttribute(
                "recentlyPublished",
                articles.list(
                        any.withStatus(ArticleStatus.PUBLISHED),
                        PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("id"))),
                        me));
        model.addAttribute(
                "myDrafts",
                articles.list(
                        any.withStatus(ArticleStatus.DRAFT).withCreatedBy(me.getAccountId()),
                        PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))),
                        me));
        model.addAttribute("editor", ArticlePermissions.canManage(me));
        return "admin/home";
    }
}
