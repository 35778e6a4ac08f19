package org.masthead.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.masthead.archive.source.ImportFileException;
import org.springframework.stereotype.Service;

/**
 * Keeps an archive file uploaded by an admin on disk between its dry run and its run: streamed there (never held in
 * memory), with its SHA-256 (the run must be of the very file the dry run checked), refused past the import limit.
 */
@Service
public class ImportUploads {

    /** A stored upload. */
    public record StoredFile(Path path, String sha256, long size) {}

    private final ImportProperties properties;

    ImportUploads(ImportProperties properties) {
        this.properties = properties;
    }

    /**
     * The uploads folder an admin entered on the form: it must exist and, when {@code masthead.import.uploads-root}
     * is set, lie under that root (links resolved), so the form cannot read any folder of the server. The command
     * line, run by whoever runs the server, takes any folder.
     */
    public Path uploadsFolder(String entered) {
        Path folder = Path.of(entered.strip());
        if (!Files.isDirectory(folder)) {
            throw new ImportFileException("import.form.no-folder", entered, entered);
        }
        String root = properties.uploadsRoot();
        if (root == null || root.isBlank()) {
            return folder;
        }
        try {
            Path real = folder.toRealPath();
            if (!real.startsWith(Path.of(root).toRealPath())) {
                throw new ImportFileException("import.form.folder-outside-root", entered, entered, root);
            }
            return real;
        } catch (IOException ex) {
            throw new ImportFileException("import.form.folder-outside-root", entered, entered, root);
        }
    }

    public long maxBytes() {
        return properties.maxFileSize().toBytes();
    }

    /** Streams {@code in} to a new file; throws {@link ImportFileException} (import.file.too-large) past the limit. */
    public StoredFile store(InputStream in) {
        Path dir = properties.dir().toAbsolutePath();
        Path file = null;
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "import-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            long max = maxBytes();
            try (InputStream digesting = new DigestInputStream(in, sha);
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = digesting.read(buffer)) != -1) {
                    size += read;
                    if (size > max) {
                        throw new ImportFileException("import.file.too-large", "over " + max, max / (1024 * 1024));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new ImportFileException("import.file.empty", "empty");
            }
            return new StoredFile(file, HexFormat.of().formatHex(sha.digest()), size);
        } catch (ImportFileException ex) {
            delete(file);
            throw ex;
        } catch (IOException ex) {
            delete(file);
            throw new ImportFileException("import.file.unreadable", String.valueOf(ex.getMessage()));
        } catch (NoSuchAlgorithmException ex) {
            delete(file);
            throw new IllegalStateException(ex);
        }
    }

    public void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file; the folder may be cleaned by hand
            }
        }
    }
}
