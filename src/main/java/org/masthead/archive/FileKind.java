package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.source.ImportFileException;

/**
 * What a file is, by its first bytes: XML (a WordPress export, or some other XML), JSON (a Ghost export, or some
 * other JSON), a zip (a Masthead export). A file of another kind than the format chosen is refused before it is
 * parsed, with a message that names what it looks like.
 */
final class FileKind {

    private FileKind() {}

    /** Throws {@link ImportFileException} when the file cannot be an export of this format. */
    static void check(Path file, Format format) {
        String kind = of(file);
        boolean fits = switch (format) {
            case WORDPRESS -> kind.equals("XML");
            case GHOST -> kind.equals("JSON");
            case MASTHEAD -> kind.equals("zip");
        };
        if (fits) {
            return;
        }
        switch (kind) {
            case "XML" -> throw new ImportFileException("import.file.wrong-format", kind, "WordPress");
            case "JSON" -> throw new ImportFileException("import.file.wrong-format", kind, "Ghost");
            case "zip" -> throw new ImportFileException("import.file.wrong-format", kind, "Masthead");
            default -> throw new ImportFileException("import.file.not-an-export", kind, "neither XML nor JSON");
        }
    }

    /** {@code XML}, {@code JSON}, {@code zip}, or {@code text} for anything else. */
    static String of(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException ex) {
            throw new ImportFileException("import.file.unreadable", String.valueOf(ex.getMessage()));
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return "zip";
        }
        if (head.length >= 2
                && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                        || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            return "XML"; // a byte-order mark of UTF-16: JSON is UTF-8, so an XML file in another encoding
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf
                ? 3
                : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length) {
            return "text";
        }
        return switch (head[i]) {
            case '<' -> "XML";
            case '{', '[' -> "JSON";
            default -> "text";
        };
    }
}
