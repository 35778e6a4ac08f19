package org.masthead.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.media.Image;
import org.masthead.newsletter.Audience;
import org.masthead.newsletter.NewsletterService;
import org.masthead.section.SectionService;
import org.masthead.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an edition's email from Thymeleaf templates ({@code templates/mail/edition.html} and {@code .txt}):
 * HTML with a table layout and inline styles only, and its plain-text twin with the same links. Every link and
 * image is absolute ({@code masthead.site-url}). The reader's own links carry {@link #TOKEN}, replaced per
 * recipient when the email is sent, so an edition is rendered once however many readers it has.
 */
@Component
class EditionRenderer {

    /** Stands for the reader's own token in the rendered email. */
    static final String TOKEN = "MASTHEAD-READER-TOKEN";

    /** The width of the email's content column, and so of its images. */
    static final int IMAGE_WIDTH = 552;

    private static final String LINK_STYLE = "color:#8a1c1c;text-decoration:underline;";

    /** An article as the email shows it; every URL absolute. */
    record EmailArticle(
            String title,
            String dek,
            String byline,
            String url,
            String imageUrl,
            String imageAlt,
            int imageWidth,
            int imageHeight) {}

    /** The email, with {@link #TOKEN} where each reader's token goes. */
    record Rendered(String html, String text) {

        String htmlFor(String token) {
            return html.replace(TOKEN, token);
        }

        String textFor(String token) {
            return text.replace(TOKEN, token);
        }
    }

    private final SpringTemplateEngine engine;
    private final SiteProperties site;
    private final EditionProperties properties;
    private final NewsletterService newsletter;
    private final SectionService sections;
    private final MessageSource messages;

    EditionRenderer(
            MessageSource messages,
            SiteProperties site,
            EditionProperties properties,
            NewsletterService newsletter,
            SectionService sections) {
        this.site = site;
        this.properties = properties;
        this.newsletter = newsletter;
        this.sections = sections;
        this.messages = messages;
        engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** Renders the edition with these (public) articles, in order. */
    Rendered render(Edition edition, List<Article> articles) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("subject", edition.getSubject());
        context.setVariable("preheader", edition.getPreheader());
        String introHtml = emailHtml(edition.getIntroHtml());
        context.setVariable("introHtml", introHtml);
        context.setVariable("introText", emailText(introHtml));
        context.setVariable(
                "articles", articles.stream().map(this::emailArticle).toList());
        context.setVariable("siteName", site.siteName());
        context.setVariable("siteUrl", site.absolute("/"));
        context.setVariable("postalAddress", properties.postalAddress().strip());
        context.setVariable("reason", reason(edition));
        context.setVariable("unsubscribeUrl", newsletter.unsubscribeUrl(TOKEN));
        context.setVariable("preferencesUrl", newsletter.preferencesUrl(TOKEN));
        return new Rendered(engine.process("mail/edition.html", context), engine.process("mail/edition.txt", context));
    }

    private String reason(Edition edition) {
        Object[] args = {site.siteName(), sectionName(edition)};
        return messages.getMessage(
                "newsletter.email.reason." + edition.getAudience().name().toLowerCase(Locale.ROOT),
                args,
                Locale.ENGLISH);
    }

    private String sectionName(Edition edition) {
        if (edition.getAudience() != Audience.SECTION || edition.getSectionId() == null) {
            return "";
        }
        return sections.all().stream()
                .filter(s -> s.getId().equals(edition.getSectionId()))
                .map(s -> s.getName())
                .findFirst()
                .orElse("");
    }

    private EmailArticle emailArticle(Article article) {
        List<String> names = new ArrayList<>();
        for (Author author : article.getAuthors()) {
            names.add(author.getName());
        }
        String byline = names.isEmpty()
                ? ""
                : messages.getMessage(
                        "newsletter.email.byline", new Object[] {String.join(", ", names)}, Locale.ENGLISH);
        Image image = article.getFeaturedImage();
        String imageUrl = "";
        String alt = "";
        int height = 0;
        if (image != null) {
            int variant = image.getVariantWidths().stream()
                    .filter(w -> w >= IMAGE_WIDTH)
                    .findFirst()
                    .orElse(image.getWidth());
            imageUrl = site.absolute(image.urlAt(variant));
            alt = image.getAltText();
            height = Math.max(1, Math.round((float) IMAGE_WIDTH * image.getHeight() / Math.max(1, image.getWidth())));
        }
        return new EmailArticle(
                article.getTitle(),
                article.getDek() == null ? "" : article.getDek(),
                byline,
                site.absolute("/articles/" + article.getSlug()),
                imageUrl,
                alt,
                IMAGE_WIDTH,
                height);
    }

    /**
     * The intro's sanitised HTML made fit for mail clients: links and images absolute, styles inline, no classes;
     * images get a width and keep their alt text.
     */
    String emailHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, site.absolute("/"));
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            element.removeAttr("class");
        }
        for (Element link : document.select("a[href]")) {
            link.attr("href", link.absUrl("href")).attr("style", LINK_STYLE);
        }
        for (Element image : document.select("img")) {
            image.attr("src", image.absUrl("src"));
            if (!image.hasAttr("width")) {
                image.attr("width", String.valueOf(IMAGE_WIDTH));
            }
            if (!image.hasAttr("alt")) {
                image.attr("alt", "");
            }
            image.attr("style", "display:block;max-width:100%;height:auto;border:0;");
        }
        for (Element paragraph : document.select("p")) {
            paragraph.attr("style", "margin:0 0 16px;");
        }
        return document.body().html();
    }

    /** The plain-text twin of {@link #emailHtml}: paragraphs apart, each link's URL after its text. */
    static String emailText(String emailHtml) {
        if (emailHtml.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(emailHtml);
        for (Element link : document.select("a[href]")) {
            if (!link.text().strip().equals(link.attr("href"))) {
                link.after(new TextNode(" (" + link.attr("href") + ")"));
            }
        }
        for (Element image : document.select("img")) {
            image.replaceWith(new TextNode(image.attr("alt")));
        }
        List<String> blocks = new ArrayList<>();
        for (Element block : document.select("p, h1, h2, h3, h4, h5, h6, li, pre")) {
            if (block.parents().stream().noneMatch(p -> p.is("p, li, pre"))) {
                String text = block.is("li") ? "- " + block.text() : block.text();
                if (!text.isBlank()) {
                    blocks.add(text);
                }
            }
        }
        return String.join("\n\n", blocks);
    }
}
