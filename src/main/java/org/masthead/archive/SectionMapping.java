package org.masthead.archive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.masthead.archive.source.ImportFileException;

/**
 * The mapping step of an import: which of the archive's categories go into an existing section, written one per
 * line as {@code category-slug = section-slug} (on the import form, or {@code --section category=section} on the
 * command line). A category not listed becomes a section of its own (or joins the section with its slug).
 */
public final class SectionMapping {

    private SectionMapping() {}

    /**
     * @param sectionIdBySlug finds an existing section
     * @throws ImportFileException for a line that is not {@code category = section}, or a section that does not exist
     */
    public static Map<String, Long> parse(String text, Function<String, Optional<Long>> sectionIdBySlug) {
        Map<String, Long> mapping = new LinkedHashMap<>();
        if (text == null) {
            return mapping;
        }
        for (String raw : text.split("[\\r\\n]+")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            String category = equals < 0 ? "" : line.substring(0, equals).strip();
            String section = equals < 0 ? "" : line.substring(equals + 1).strip();
            if (category.isEmpty() || section.isEmpty()) {
                throw new ImportFileException("import.form.mapping-line", line, line);
            }
            long id = sectionIdBySlug
                    .apply(section)
                    .orElseThrow(() -> new ImportFileException("import.form.mapping-section", section, section));
            mapping.put(category, id);
        }
        return mapping;
    }
}
