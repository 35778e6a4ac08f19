package org.masthead.search.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.masthead.article.PublicArticles;
import org.masthead.author.AuthorService;
import org.masthead.search.ArticleSearch;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.section.SectionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code GET /search?q=}: ranked results with highlighted snippets, filters and pages. Whatever a reader types
 * (nothing, punctuation, ten thousand characters, SQL, unbalanced quotes, a page number that is not one) gets
 * this page with a message, never an error: the query is only ever a bound parameter of websearch_to_tsquery.
 */
@Controller
class SearchController {

    private final ArticleSearch search;
    private final SearchProperties properties;
    private final SectionService sections;
    private final AuthorService authors;
    private final PublicArticles publicArticles;

    SearchController(
            ArticleSearch search,
            SearchProperties properties,
            SectionService sections,
            AuthorService authors,
            PublicArticles publicArticles) {
        this.search = search;
        this.properties = properties;
        this.sections = sections;
        this.authors = authors;
        this.publicArticles = publicArticles;
    }

    @GetMapping("/search")
    String search(@ModelAttribute("form") SearchForm form, BindingResult errors, Model model) {
        List<String> messages = new ArrayList<>();
        String text = clean(form.getQ());
        form.setQ(text);
        if (errors.hasFieldErrors("from") || errors.hasFieldErrors("to")) {
            messages.add("search.bad-date");
        }
        LocalDate from = form.getFrom();
        LocalDate to = form.getTo();
        if (from != null && to != null && from.isAfter(to)) {
            messages.add("search.dates-reversed");
            from = null;
            to = null;
        }
        // A page that is not a number is page 1, as is one below it.
        int page = form.getPage() == null || errors.hasFieldErrors("page") ? 1 : Math.max(1, form.getPage());

        SearchResults results = null;
        if (text.length() > properties.maxQueryLength()) {
            messages.add("search.too-long");
            form.setQ(text.substring(0, properties.maxQueryLength()));
        } else if (text.isBlank() && (from != null || to != null)) {
            // a period and no words (an old site's date archive leads here): that period's articles, newest first
            SearchQuery query = new SearchQuery("", form.getSection(), form.getAuthor(), form.getTopic(), from, to);
            results = search.search(query, page);
            if (results.total() == 0) {
                messages.add("search.no-results");
            }
        } else if (text.isBlank()) {
            if (form.isFiltered() || form.getPage() != null || errors.hasFieldErrors("page")) {
                messages.add("search.empty");
            }
        } else {
            SearchQuery query = new SearchQuery(text, form.getSection(), form.getAuthor(), form.getTopic(), from, to);
            results = search.search(query, page);
            if (results.total() == 0) {
                messages.add("search.no-results");
            }
        }
        model.addAttribute("results", results);
        model.addAttribute("messages", messages);
        model.addAttribute("maxQueryLength", properties.maxQueryLength());
        model.addAttribute("navSections", sections.all());
        // Only authors with a public article, as for topics.
        model.addAttribute("authors", publicArticles.authors());
        // Only topics with a public article: a draft's topic names are the newsroom's business.
        model.addAttribute("topics", publicArticles.topics());
        return "search/results";
    }

    /** Control characters (a NUL would upset PostgreSQL) go; the rest is the reader's text, searched as typed. */
    private static String clean(String q) {
        return q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
