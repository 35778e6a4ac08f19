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
    private final EditionSettings.PostalAddress postalAddress;
    private final NewsletterService newsletter;
    private final SectionService sections;
    private final MessageSource messages;

    EditionRenderer(
            MessageSource messages,
            SiteProperties site,
            EditionSettings.PostalAddress postalAddress,
            NewsletterService newsletter,
            SectionService sections) {
        this.site = site;
        this.postalAddress = postalAddress;
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
        context.setVariable("postalAddress", postalAddress.get());
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
     * The intro's sanitised HTML made fit for mail clients: links and images absolute, styles inline, no classes.
     * Each image gets one {@code src} (the smallest stored copy at least as wide as the column, chosen from the
     * site's {@code srcset}, which mail clients ignore), a {@code width} and {@code height} within the column, and
     * keeps its alt text; figures become plain blocks, and tables and preformatted text wrap inside the column.
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
            emailImage(image);
        }
        for (Element figure : document.select("figure")) {
            figure.tagName("div").attr("style", "margin:0 0 16px;");
        }
        for (Element caption : document.select("figcaption")) {
            caption.tagName("p").attr("style", "margin:6px 0 0;font-size:13px;line-height:1.4;color:#5c5c5c;");
        }
        for (Element paragraph : document.select("p:not([style])")) {
            paragraph.attr("style", "margin:0 0 16px;");
        }
        for (Element table : document.select("table")) {
            table.attr("role", "presentation")
                    .attr("width", "100%")
                    .attr("style", "width:100%;max-width:100%;border-collapse:collapse;table-layout:fixed;");
        }
        for (Element cell : document.select("td, th")) {
            cell.attr("style", "padding:4px;border:1px solid #e2dccd;overflow-wrap:anywhere;word-break:break-word;");
        }
        for (Element pre : document.select("pre")) {
            pre.attr("style", "white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;margin:0 0 16px;");
        }
        return document.body().html();
    }

    /** One image made fit for the email's column (see {@link #emailHtml}). */
    private static void emailImage(Element image) {
        String src = image.absUrl("src");
        int naturalWidth = number(image.attr("width"));
        int naturalHeight = number(image.attr("height"));
        String srcset = image.attr("srcset");
        if (!srcset.isBlank()) {
            ImageCandidate chosen = chooseCandidate(srcset, IMAGE_WIDTH);
            if (chosen != null) {
                image.attr("src", chosen.url());
                src = image.absUrl("src");
                if (naturalWidth == 0) {
                    naturalWidth = chosen.width();
                }
            }
        }
        for (String attribute : List.of("srcset", "sizes", "loading", "decoding", "style")) {
            image.removeAttr(attribute);
        }
        image.attr("src", src);
        int width = naturalWidth == 0 ? IMAGE_WIDTH : Math.min(naturalWidth, IMAGE_WIDTH);
        image.attr("width", String.valueOf(width));
        if (naturalWidth > 0 && naturalHeight > 0) {
            image.attr("height", String.valueOf(Math.max(1, Math.round((float) width * naturalHeight / naturalWidth))));
        } else {
            image.removeAttr("height");
        }
        if (!image.hasAttr("alt")) {
            image.attr("alt", "");
        }
        image.attr("style", "display:block;width:100%;max-width:" + width + "px;height:auto;border:0;");
    }

    /** A {@code srcset} candidate: a URL and the width it declares. */
    record ImageCandidate(String url, int width) {}

    /**
     * The candidate to send: the narrowest at least {@code column} wide, else the widest there is; candidates
     * without a width descriptor count as zero wide.
     */
    static ImageCandidate chooseCandidate(String srcset, int column) {
        List<ImageCandidate> candidates = new ArrayList<>();
        for (String part : srcset.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            int width = 0;
            if (words.length > 1 && words[1].endsWith("w")) {
                width = number(words[1].substring(0, words[1].length() - 1));
            }
            candidates.add(new ImageCandidate(words[0], width));
        }
        ImageCandidate best = null;
        for (ImageCandidate candidate : candidates) {
            if (candidate.width() >= column
                    && (best == null || best.width() < column || candidate.width() < best.width())) {
                best = candidate;
            } else if (candidate.width() < column
                    && (best == null || (best.width() < column && candidate.width() > best.width()))) {
                best = candidate;
            }
        }
        return best;
    }

    private static int number(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return Math.max(value, 0);
        } catch (NumberFormatException ex) {
            return 0;
        }
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
