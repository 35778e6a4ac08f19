#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N generated posts, for bench/import.sh: 20 authors, 12 nested categories,
40 tags; classic and block bodies of about 600 words with headings, lists, quotes and links."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
random.seed(42)
words = ("policy harbour border energy treaty ministers security trade alliance budget reform election coalition "
         "sanctions pipeline grain shipping ports fisheries climate defence summit council envoy analysts").split()


def sentence():
    s = " ".join(random.choice(words) for _ in range(random.randint(8, 18)))
    return s[0].upper() + s[1:] + "."


def paragraph():
    return " ".join(sentence() for _ in range(random.randint(3, 6)))


w = out.write
w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
  ' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
  ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench Review</title>\n'
  '<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://bench.example.org</wp:base_site_url>\n'
  '<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>\n')
for a in range(20):
    w(f'<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login><![CDATA[author{a}]]></wp:author_login>'
      f'<wp:author_display_name><![CDATA[Author Number {a}]]></wp:author_display_name></wp:author>\n')
for c in range(12):
    parent = f"cat{c // 4 * 4}" if c % 4 else ""
    w(f'<wp:category><wp:term_id>{100 + c}</wp:term_id><wp:category_nicename>cat{c}</wp:category_nicename>'
      f'<wp:category_parent>{parent}</wp:category_parent><wp:cat_name><![CDATA[Category {c}]]></wp:cat_name></wp:category>\n')
for t in range(40):
    w(f'<wp:tag><wp:term_id>{200 + t}</wp:term_id><wp:tag_slug>tag{t}</wp:tag_slug><wp:tag_name><![CDATA[Tag {t}]]></wp:tag_name></wp:tag>\n')
for p in range(n):
    pid = 1000 + p
    if p % 2:
        body = "\n\n".join(paragraph() for _ in range(5)) + "\n\n<ul>\n<li>" + sentence() + "</li>\n<li>" + sentence() \
            + "</li>\n</ul>\n\n<blockquote>" + sentence() + "</blockquote>\n\n" + paragraph()
    else:
        body = "".join(f'<!-- wp:paragraph -->\n<p>{paragraph()} <a href="https://example.com/{p}">link</a></p>\n<!-- /wp:paragraph -->\n\n'
                       for _ in range(4)) + f'<!-- wp:heading -->\n<h2>{sentence()}</h2>\n<!-- /wp:heading -->\n\n' \
            + f'<!-- wp:paragraph -->\n<p>{paragraph()}</p>\n<!-- /wp:paragraph -->'
    day = 1 + p % 28
    month = 1 + (p // 28) % 12
    year = 2010 + (p // 336) % 15
    slug = f"post-number-{p}"
    w(f'<item><title><![CDATA[{sentence()[:-1]} {p}]]></title><link>https://bench.example.org/{year}/{month:02d}/{slug}/</link>'
      f'<dc:creator><![CDATA[author{p % 20}]]></dc:creator><guid isPermaLink="false">https://bench.example.org/?p={pid}</guid>'
      f'<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[{sentence()}]]></excerpt:encoded>'
      f'<wp:post_id>{pid}</wp:post_id><wp:post_date_gmt>{year}-{month:02d}-{day:02d} 09:00:00</wp:post_date_gmt>'
      f'<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>'
      f'<wp:post_password></wp:post_password>'
      f'<category domain="category" nicename="cat{p % 12}"><![CDATA[Category {p % 12}]]></category>'
      f'<category domain="post_tag" nicename="tag{p % 40}"><![CDATA[Tag {p % 40}]]></category>'
      f'<category domain="post_tag" nicename="tag{(p * 7) % 40}"><![CDATA[Tag {(p * 7) % 40}]]></category></item>\n')
w('</channel>\n</rss>\n')
