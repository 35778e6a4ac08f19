package org.masthead.article.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.ArticleCard;
import org.masthead.article.PublicArticles;
import org.masthead.event.SurrogateKey;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicNotFoundException;
import org.masthead.topic.TopicService;
import org.masthead.web.PageNumbers;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A topic's page: the public articles tagged with it. */
@Controller
@PublicPages
class TopicController {

    private final PublicArticles articles;
    private final TopicService topics;
    private final ReaderPageMeta meta;

    TopicController(PublicArticles articles, TopicService topics, ReaderPageMeta meta) {
        this.articles = articles;
        this.topics = topics;
        this.meta = meta;
    }

    @GetMapping("/topics/{slug}")
    ModelAndView show(
            @PathVariable String slug,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        Topic topic = topics.findBySlug(slug).orElse(null);
        if (topic == null) {
            return topics.currentSlug(slug)
                    .filter(current -> topics.findBySlug(current)
                            .filter(articles::isPublic)
                            .isPresent())
                    .map(current -> Moved.permanentlyTo("/topics/" + current))
                    .orElseThrow(() -> new TopicNotFoundException(slug));
        }
        Slice<ArticleCard> list = PageNumbers.existing(
                articles.cardsOnTopic(topic, PageNumbers.of(page, SectionController.PAGE_SIZE)), "topic");
        if (list.isEmpty()) {
            // A topic is public only while it has a public article (a draft's topic names are no one's business).
            throw new TopicNotFoundException(slug);
        }
        SurrogateKeys.of(SurrogateKey.topic(topic.getId()))
                .cards(list.getContent())
                .writeTo(response);
        model.addAttribute("topic", topic);
        model.addAttribute("articles", list);
        model.addAttribute("meta", meta.topic(topic, page));
        return new ModelAndView("topic/show", model.asMap());
    }
}
