package org.masthead.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.audit.AuditLog;
import org.masthead.event.FrontPageChanged;
import org.masthead.event.PublicContentEvent;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.web.PageNumbers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The front page as editors curate it (docs/DESIGN.md, "Who may do what": front-page curation, editors and admins): a
 * lead story and up to {@value #FEATURED} featured articles, all published; the newest public articles fill the
 * rest. An article that stops being published (unpublished, archived) leaves the front page at once, and every
 * change clears the page cache ({@link FrontPageChanged}).
 */
@Service
@Transactional
public class FrontPage {

    /** How many featured articles an editor may pick. */
    public static final int FEATURED = 3;

    /** How many cards follow the lead story. */
    public static final int CARDS = 12;

    private final FrontPagePickRepository picks;
    private final ArticleRepository articles;
    private final PublicArticles publicArticles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FrontPage(
            FrontPagePickRepository picks,
            ArticleRepository articles,
            PublicArticles publicArticles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.picks = picks;
        this.articles = articles;
        this.publicArticles = publicArticles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What editors picked: the lead story's id (or null) and the featured articles' ids, in order. */
    public record Choice(Long leadId, List<Long> featuredIds) {}

    /**
     * What the home page shows: the lead story (picked, or else the newest), then the cards: the featured
     * articles first, the newest after them.
     *
     * @param featuredIds the cards an editor picked (shown marked as featured)
     */
    public record Stories(ArticleCard lead, List<ArticleCard> cards, Set<Long> featuredIds) {}

    @Transactional(readOnly = true)
    public Choice choice() {
        Long lead = null;
        List<Long> featured = new ArrayList<>();
        for (FrontPagePick pick : picks.findAllInOrder()) {
            if (pick.getPosition() == FrontPagePick.LEAD) {
                lead = pick.getArticle().getId();
            } else {
                featured.add(pick.getArticle().getId());
            }
        }
        return new Choice(lead, List.copyOf(featured));
    }

    /**
     * Puts these articles on the front page (null or empty: none picked there; the newest takes the place).
     * Refused, changing nothing, for a contributor, an article that is not published, or one chosen twice.
     */
    public void choose(Long leadId, List<Long> featuredIds, Actor by) {
        NotAllowedException.require(ArticlePermissions.canManage(by), by, "curate the front page");
        List<Long> featured = featuredIds.stream().filter(Objects::nonNull).toList();
        if (featured.size() > FEATURED) {
            throw new FrontPageChoiceException("frontpage.error.too-many");
        }
        List<Long> all = new ArrayList<>();
        if (leadId != null) {
            all.add(leadId);
        }
        all.addAll(featured);
        if (new HashSet<>(all).size() < all.size()) {
            throw new FrontPageChoiceException("frontpage.error.twice");
        }
        Set<Long> published = articles.findPublicByIds(all, clock.instant()).stream()
                .map(Article::getId)
                .collect(Collectors.toSet());
        if (!published.containsAll(all)) {
            throw new FrontPageChoiceException("frontpage.error.not-published");
        }
        picks.deleteAllInBatch();
        picks.flush();
        if (leadId != null) {
            picks.save(new FrontPagePick(FrontPagePick.LEAD, articles.getReferenceById(leadId)));
        }
        for (int i = 0; i < featured.size(); i++) {
            picks.save(new FrontPagePick(i + 1, articles.getReferenceById(featured.get(i))));
        }
        audit.record(by, "frontpage.choose", "front page", "lead " + leadId + ", featured " + featured);
        events.publishEvent(new FrontPageChanged());
    }

    /** The home page's stories, all public. */
    @Transactional(readOnly = true)
    public Stories stories() {
        Choice choice = choice();
        List<ArticleCard> picked =
                publicArticles.cardsInOrder(choice.leadId() == null ? List.of() : List.of(choice.leadId()));
        ArticleCard lead = picked.isEmpty() ? null : picked.get(0);
        List<ArticleCard> featured = publicArticles.cardsInOrder(choice.featuredIds());
        Set<Long> shown = new LinkedHashSet<>();
        if (lead != null) {
            shown.add(lead.getId());
        }
        featured.forEach(article -> shown.add(article.getId()));
        // Enough of the newest to fill the page after leaving out those already picked.
        Slice<ArticleCard> newest = publicArticles.latestCards(PageNumbers.of(1, 1 + CARDS + shown.size()));
        List<ArticleCard> rest = new ArrayList<>();
        for (ArticleCard article : newest.getContent()) {
            if (!shown.contains(article.getId())) {
                rest.add(article);
            }
        }
        if (lead == null && !rest.isEmpty()) {
            lead = rest.remove(0);
        }
        List<ArticleCard> cards = new ArrayList<>(featured);
        int room = CARDS - cards.size();
        cards.addAll(rest.subList(0, Math.min(room, rest.size())));
        Set<Long> featuredIds = featured.stream().map(ArticleCard::getId).collect(Collectors.toSet());
        return new Stories(lead, List.copyOf(cards), featuredIds);
    }

    /**
     * Whenever readers' content changes (an article unpublished, archived, unscheduled...), in the same
     * transaction: articles no longer published leave the front page.
     */
    @EventListener
    void contentChanged(PublicContentEvent event) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return; // nothing was written here; the home page shows public picks only in any case
        }
        picks.deleteNotPublished();
    }
}
