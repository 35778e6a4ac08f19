package org.masthead.article.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.ArticleCard;
import org.masthead.article.PublicArticles;
import org.masthead.author.Author;
import org.masthead.author.AuthorNotFoundException;
import org.masthead.author.AuthorService;
import org.masthead.event.SurrogateKey;
import org.masthead.web.PageNumbers;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** An author's page: their profile and their public articles, while they have one. */
@Controller
@PublicPages
class AuthorController {

    private final PublicArticles articles;
    private final AuthorService authors;
    private final ReaderPageMeta meta;

    AuthorController(PublicArticles articles, AuthorService authors, ReaderPageMeta meta) {
        this.articles = articles;
        this.authors = authors;
        this.meta = meta;
    }

    @GetMapping("/authors/{slug}")
    ModelAndView show(
            @PathVariable String slug,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        Author author = authors.findBySlug(slug).orElse(null);
        if (author == null) {
            return authors.currentSlug(slug)
                    .filter(current -> authors.findBySlug(current)
                            .filter(articles::isPublic)
                            .isPresent())
                    .map(current -> Moved.permanentlyTo("/authors/" + current))
                    .orElseThrow(() -> new AuthorNotFoundException(slug));
        }
        Slice<ArticleCard> list = PageNumbers.existing(
                articles.cardsByAuthor(author, PageNumbers.of(page, SectionController.PAGE_SIZE)), "author");
        if (list.isEmpty()) {
            // An author is public only while they have a public article, as a topic is: a new contributor's name,
            // bio and photo are the newsroom's business until their first article is published.
            throw new AuthorNotFoundException(slug);
        }
        SurrogateKeys.of(SurrogateKey.author(author.getId()))
                .cards(list.getContent())
                .writeTo(response);
        model.addAttribute("author", author);
        model.addAttribute("articles", list);
        model.addAttribute("meta", meta.author(author, page));
        return new ModelAndView("author/show", model.asMap());
    }
}
