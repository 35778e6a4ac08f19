package org.masthead.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.archive.source.ImportFileException;
import org.masthead.section.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The import's mapping step: a category goes into an existing section the admin names, instead of its own. */
@IntegrationTest
class SectionMappingTests {

    @Autowired
    ArchiveImport imports;

    @Autowired
    TestContent content;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void linesBecomeTheMappingAndAMistakeIsNamed() {
        Map<String, Long> mapping = SectionMapping.parse(
                " europe = policy \n\nworld=policy\r\n",
                slug -> slug.equals("policy") ? Optional.of(7L) : Optional.empty());
        assertThat(mapping).containsExactly(entry("europe", 7L), entry("world", 7L));

        assertThatThrownBy(() -> SectionMapping.parse("europe", slug -> Optional.of(1L)))
                .isInstanceOfSatisfying(
                        ImportFileException.class,
                        ex -> assertThat(ex.getMessageKey()).isEqualTo("import.form.mapping-line"));
        assertThatThrownBy(() -> SectionMapping.parse("europe = nowhere", slug -> Optional.empty()))
                .isInstanceOfSatisfying(ImportFileException.class, ex -> {
                    assertThat(ex.getMessageKey()).isEqualTo("import.form.mapping-section");
                    assertThat(ex.getArguments()).containsExactly("nowhere");
                });
    }

    @Test
    void theBackgroundRunKeepsTheMapping() {
        Options options = new Options(null, 3L, Map.of("europe", 5L, "world", 6L));
        Options read = ImportRuns.read(ImportRuns.write(options));
        assertThat(read.sectionMapping()).containsOnly(entry("europe", 5L), entry("world", 6L));
        assertThat(read.pagesSectionId()).isEqualTo(3L);
    }

    @Test
    void aMappedCategorysPostsGoIntoTheExistingSection(@TempDir Path dir) throws IOException {
        Section target = content.section();
        String wxr = Files.readString(WordPressImportTests.resource("/archive/wordpress.xml"), StandardCharsets.UTF_8)
                // its own site, old addresses and slugs: other tests import the same file into the same database
                .replace("old.example.org", "mapped.example.org/mapped")
                .replace("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[mapped-");
        Path file = Files.writeString(dir.resolve("mapped.xml"), wxr, StandardCharsets.UTF_8);

        imports.run(
                file,
                Format.WORDPRESS,
                new Options(null, null, Map.of("europe", target.getId())),
                ArchiveImport.Progress.NONE);

        assertThat(jdbc.queryForObject(
                        "select section_id from articles where slug = 'mapped-harbour-security'", Long.class))
                .isEqualTo(target.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from import_sources where source = 'wordpress:https://mapped.example.org/mapped'"
                                + " and kind = 'category' and entity_id = ?",
                        Long.class,
                        target.getId()))
                .isEqualTo(1);
    }
}
