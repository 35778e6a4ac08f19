package org.masthead.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderUrlsTests {

    @Test
    void eachReadersPageHasItsRow() {
        assertThat(ReaderUrls.of("/")).isEqualTo(ReaderUrls.HOME);
        assertThat(ReaderUrls.of("/articles/a-slug")).isEqualTo(ReaderUrls.ARTICLE);
        assertThat(ReaderUrls.of("/sections/world")).isEqualTo(ReaderUrls.SECTION);
        assertThat(ReaderUrls.of("/sections/world/feed.xml")).isEqualTo(ReaderUrls.SECTION_FEED);
        assertThat(ReaderUrls.of("/authors/ada/feed.xml")).isEqualTo(ReaderUrls.AUTHOR_FEED);
        assertThat(ReaderUrls.of("/search")).isEqualTo(ReaderUrls.SEARCH);
        assertThat(ReaderUrls.of("/api/v1/articles")).isEqualTo(ReaderUrls.API_LIST);
        assertThat(ReaderUrls.of("/api/v1/topics/trade")).isEqualTo(ReaderUrls.API_RESOURCE);
        assertThat(ReaderUrls.of("/api/v1/openapi.json")).isEqualTo(ReaderUrls.API);
        assertThat(ReaderUrls.of("/media/12/800/dawn.jpg")).isEqualTo(ReaderUrls.MEDIA);
        assertThat(ReaderUrls.of("/preview/secret")).isEqualTo(ReaderUrls.PREVIEW);
    }

    @Test
    void nothingElseIsTheReaders() {
        assertThat(ReaderUrls.of("/articles/")).isNull();
        assertThat(ReaderUrls.of("/articles/a/b")).isNull();
        assertThat(ReaderUrls.of("/articles/a;jsessionid=1")).isNull();
        assertThat(ReaderUrls.of("/admin")).isNull();
        assertThat(ReaderUrls.of("/login")).isNull();
        assertThat(ReaderUrls.of("/newsletter")).isNull();
        assertThat(ReaderUrls.of("/api/v1/editions")).isEqualTo(ReaderUrls.API); // the API's own 404, not kept
    }

    @Test
    void thePageCacheFinishesReadersPagesAndLeavesTheRestAlone() {
        assertThat(ReaderUrls.cachedPage("/sitemap.xml").kept()).isTrue();
        assertThat(ReaderUrls.cachedPage("/search").kept()).isFalse();
        assertThat(ReaderUrls.cachedPage("/css/site.css")).isNull();
        assertThat(ReaderUrls.cachedPage("/preview/secret")).isNull();
        assertThat(ReaderUrls.cachedPage("/api/v1/openapi.yaml")).isNull();
        assertThat(ReaderUrls.SECTION.reads("page")).isTrue();
        assertThat(ReaderUrls.SECTION_FEED.reads("page")).isFalse();
        assertThat(ReaderUrls.API_LIST.reads("anything")).isTrue();
    }

    @Test
    void theStaffSide() {
        assertThat(ReaderUrls.isStaffArea("/login")).isTrue();
        assertThat(ReaderUrls.isStaffArea("/admin")).isTrue();
        assertThat(ReaderUrls.isStaffArea("/admin/articles/12")).isTrue();
        assertThat(ReaderUrls.isStaffArea("/account/set-password/x")).isTrue();
        assertThat(ReaderUrls.isStaffArea("/articles/admin")).isFalse();
        assertThat(ReaderUrls.isStaffArea("/newsletter")).isFalse();
    }
}
