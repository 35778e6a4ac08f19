package org.masthead;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.masthead.web.ReaderUrls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Which URLs are the reader's is written once, in {@link ReaderUrls}: no other class holds a string constant that
 * is a pattern over them ({@code "/articles/**"}, {@code "/sections/{slug}"}, {@code "/media/*"}, a regular
 * expression naming two of the reader's collections) or two or more of their exact paths ({@code "/search"},
 * {@code "/feed.xml"}…): a second list. Mappings in annotations are each controller's own address, and links built
 * from {@code "/articles/" + slug} are no list; neither is reported. String constants are read from the class
 * files' constant pools (ArchUnit does not model them). Proven on a planted second list in {@code RoleRulesTests}.
 */
final class ReaderUrlRules {

    private ReaderUrlRules() {}

    static final ArchRule READER_URLS_ARE_ONE_TABLE = classes()
            .that()
            .doNotHaveFullyQualifiedName(ReaderUrls.class.getName())
            .should(declareNoReaderUrlList())
            .because("security, the page cache and the layout read the reader's URLs from web.ReaderUrls alone");

    private static final Pattern COLLECTIONS =
            Pattern.compile("/\\(?(articles|sections|authors|topics)\\|(articles|sections|authors|topics)");

    /** Constants that are patterns over the reader's URLs. */
    private static final Set<String> PATTERNS = new TreeSet<>();
    /** The reader's exact paths (rows without a variable), but "/", which every class may say. */
    private static final Set<String> EXACT = new TreeSet<>();

    static {
        for (ReaderUrls row : ReaderUrls.values()) {
            String pattern = row.pattern();
            if (pattern.equals("/")) {
                continue;
            }
            if (pattern.contains("*") || pattern.contains("{")) {
                PATTERNS.add(pattern);
            } else {
                EXACT.add(pattern);
            }
            String area =
                    pattern.substring(0, pattern.indexOf('/', 1) < 0 ? pattern.length() : pattern.indexOf('/', 1));
            if (!EXACT.contains(area)) {
                PATTERNS.add(area + "/**");
                PATTERNS.add(area + "/*");
            }
        }
    }

    private static ArchCondition<JavaClass> declareNoReaderUrlList() {
        return new ArchCondition<>("declare no list or pattern of the reader's URLs") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<String> patterns = new LinkedHashSet<>();
                Set<String> exact = new LinkedHashSet<>();
                for (String constant : stringConstants(type)) {
                    if (PATTERNS.contains(constant)
                            || COLLECTIONS.matcher(constant).find()) {
                        patterns.add(constant);
                    } else if (EXACT.contains(constant)) {
                        exact.add(constant);
                    }
                }
                if (exact.size() >= 2) {
                    patterns.addAll(exact);
                }
                if (!patterns.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " declares reader URLs " + patterns + " beside web.ReaderUrls"));
                }
            }
        };
    }

    /** The {@code CONSTANT_String} entries of the class file's constant pool. */
    static List<String> stringConstants(JavaClass type) {
        Source source = type.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + type));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return readStringConstants(new DataInputStream(in));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> readStringConstants(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings.stream().map(index -> utf8[index]).toList();
    }
}
