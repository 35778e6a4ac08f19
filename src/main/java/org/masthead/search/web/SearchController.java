package org.masthead.search.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    String search(@ModelAttribute("form") SearchForm form, Model model) {
        List<String> messages = new ArrayList<>();
        String text = clean(form.getQ());
        form.setQ(text);
        LocalDate from = date(form.getFrom(), messages);
        LocalDate to = date(form.getTo(), messages);
        if (from != null && to != null && from.isAfter(to)) {
            messages.add("search.dates-reversed");
            from = null;
            to = null;
        }

        SearchResults results = null;
        if (text.length() > properties.maxQueryLength()) {
            messages.add("search.too-long");
            form.setQ(text.substring(0, properties.maxQueryLength()));
        } else if (text.isBlank()) {
            if (form.isFiltered() || !SearchForm.blank(form.getPage())) {
                messages.add("search.empty");
            }
        } else {
            SearchQuery query = new SearchQuery(text, form.getSection(), form.getAuthor(), form.getTopic(), from, to);
            results = search.search(query, page(form.getPage()));
            if (results.total() == 0) {
                messages.add("search.no-results");
            }
        }
        model.addAttribute("results", results);
        model.addAttribute("messages", messages);
        model.addAttribute("maxQueryLength", properties.maxQueryLength());
        model.addAttribute("navSections", sections.all());
        model.addAttribute("authors", authors.all());
        // Only topics with a public article: a draft's topic names are the newsroom's business.
        model.addAttribute("topics", publicArticles.topics());
        return "search/results";
    }

    /** Control characters (a NUL would upset PostgreSQL) go; the rest is the reader's text, searched as typed. */
    private static String clean(String q) {
        return q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static int page(String page) {
        try {
            return SearchForm.blank(page) ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    private static LocalDate date(String value, List<String> messages) {
        if (SearchForm.blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException ex) {
            if (!messages.contains("search.bad-date")) {
                messages.add("search.bad-date");
            }
            return null;
        }
    }
}
