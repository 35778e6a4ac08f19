package org.masthead.author;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.masthead.markdown.MarkdownRenderer;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class AuthorService {

    private final AuthorRepository authors;
    private final MarkdownRenderer markdown;
    private final SlugRedirects redirects;
    private final Clock clock;

    AuthorService(AuthorRepository authors, MarkdownRenderer markdown, SlugRedirects redirects, Clock clock) {
        this.authors = authors;
        this.markdown = markdown;
        this.redirects = redirects;
        this.clock = clock;
    }

    public Optional<Author> findBySlug(String slug) {
        return authors.findBySlug(slug);
    }

    public List<Author> all() {
        return authors.findAllByOrderByNameAsc();
    }

    /** The authors with these slugs, in the order given; unknown slugs are an error. */
    public List<Author> bySlugs(List<String> slugs) {
        Map<String, Author> found = authors.findBySlugIn(slugs).stream()
                .collect(Collectors.toMap(Author::getSlug, Function.identity()));
        return slugs.stream().map(slug -> Optional.ofNullable(found.get(slug))
                .orElseThrow(() -> new AuthorNotFoundException(slug))).toList();
    }

    public List<Author> byIds(Collection<Long> ids) {
        return authors.findAllById(ids);
    }

    /** The current slug of an author who used to be found at {@code oldSlug}. */
    public Optional<String> currentSlug(String oldSlug) {
        return redirects.find(SlugKind.AUTHOR, oldSlug).flatMap(authors::findById).map(Author::getSlug);
    }

    @Transactional
    public Author create(String slug, String name, String titleLine, String bioMarkdown) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Invalid slug: " + slug);
        }
        Author author = new Author(slug, name, titleLine, clock.instant());
        author.writeBio(bioMarkdown, markdown.render(bioMarkdown), clock.instant());
        return authors.save(author);
    }
}
