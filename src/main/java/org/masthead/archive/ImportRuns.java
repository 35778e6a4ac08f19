package org.masthead.archive;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.masthead.archive.ArchiveImport.Format;
import org.masthead.archive.ArchiveImport.Options;
import org.masthead.audit.AuditLog;
import org.masthead.job.Jobs;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports started from the admin ({@code import_runs}): a file whose dry run succeeded is recorded by its hash as
 * CHECKED; only such a run can be started, as a background job ({@link ImportJob}) whose progress is written here
 * as it goes, so the admin page shows it from any node and after a restart.
 */
@Service
public class ImportRuns {

    public static final String JOB_TYPE = "archive.import";

    /** One run, as the admin page shows it. */
    public record ImportRun(
            long id,
            String fileHash,
            String fileName,
            Path file,
            Format format,
            Options options,
            String state,
            int total,
            int done,
            String currentItem,
            int problems,
            String report,
            String error,
            Instant createdAt,
            Instant updatedAt) {

        public int percent() {
            return total <= 0 ? (state.equals("DONE") ? 100 : 0) : Math.min(100, done * 100 / total);
        }

        public boolean isLive() {
            return state.equals("QUEUED") || state.equals("RUNNING");
        }

        /** The state as the admin reads it: a file that holds nothing to import is a warning, never a success. */
        public String stateKey() {
            return total == 0 && (state.equals("CHECKED") || state.equals("DONE")) ? "EMPTY" : state;
        }

        public boolean isStartable() {
            return state.equals("CHECKED") || state.equals("FAILED") || state.equals("DONE");
        }
    }

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final Clock clock;
    private final MessageSource messages;

    private final AuditLog audit;

    ImportRuns(JdbcClient jdbc, Jobs jobs, Clock clock, MessageSource messages, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.messages = messages;
    }

    /** The report as the admin reads it: each problem in words. */
    private String text(ImportReport report) {
        return report.summary((key, arguments) -> messages.getMessage(key, arguments, key, Locale.ENGLISH));
    }

    /** Records a file whose dry run succeeded; answers the run's id. */
    @Transactional
    public long checked(String hash, String fileName, Path file, Format format, Options options, ImportReport dry) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into import_runs (file_hash, file_name, file_path, format, options, state, total,
                                                 problems, report, created_at, updated_at)
                        values (:hash, :name, :path, :format, :options, 'CHECKED', :total, :problems, :report,
                                :now, :now) returning id""")
                .param("hash", hash)
                .param("name", fileName)
                .param("path", file.toAbsolutePath().toString())
                .param("format", format.name())
                .param("options", write(options))
                .param("total", dry.total())
                .param("problems", dry.problemCount())
                .param("report", text(dry))
                .param("now", now)
                .query(Long.class)
                .single();
    }

    /**
     * Starts a checked run (or runs a finished or failed one again, which completes it) as a background job.
     * Answers false when the run is not startable (already queued or running).
     */
    @Transactional
    public boolean start(Actor by, long id) {
        NotAllowedException.require(ArchivePermissions.canImport(by), by, "start an import");
        int updated = jdbc.sql("""
                        update import_runs set state = 'QUEUED', done = 0, error = '', current_item = '',
                                               updated_at = :now
                        where id = :id and state in ('CHECKED', 'FAILED', 'DONE')""")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (updated == 0) {
            return false;
        }
        jobs.enqueue(JOB_TYPE, String.valueOf(id), clock.instant());
        audit.record(by, "archive.import", "import #" + id, "started");
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<ImportRun> find(long id) {
        return jdbc.sql("select * from import_runs where id = :id")
                .param("id", id)
                .query((rs, row) -> new ImportRun(
                        rs.getLong("id"),
                        rs.getString("file_hash"),
                        rs.getString("file_name"),
                        Path.of(rs.getString("file_path")),
                        Format.valueOf(rs.getString("format")),
                        read(rs.getString("options")),
                        rs.getString("state"),
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getString("current_item"),
                        rs.getInt("problems"),
                        rs.getString("report"),
                        rs.getString("error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    public List<ImportRun> recent(int limit) {
        return jdbc
                .sql("select id from import_runs order by id desc limit :limit")
                .param("limit", limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    void running(long id, int total) {
        jdbc.sql("update import_runs set state = 'RUNNING', total = :total, done = 0, problems = 0, updated_at = :now"
                        + " where id = :id")
                .param("id", id)
                .param("total", total)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    void progress(long id, int done, String current, int problems) {
        jdbc.sql("update import_runs set done = :done, current_item = :current, problems = :problems,"
                        + " updated_at = :now where id = :id")
                .param("id", id)
                .param("done", done)
                .param("current", current.length() > 300 ? current.substring(0, 300) : current)
                .param("problems", problems)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    void finished(long id, ImportReport report) {
        jdbc.sql("update import_runs set state = 'DONE', done = total, current_item = '', problems = :problems,"
                        + " report = :report, updated_at = :now where id = :id")
                .param("id", id)
                .param("problems", report.problemCount())
                .param("report", text(report))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    void failed(long id, String reason) {
        jdbc.sql("update import_runs set state = 'FAILED', error = :error, updated_at = :now where id = :id")
                .param("id", id)
                .param("error", reason == null ? "" : reason)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    static String write(Options options) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("uploads", options.uploads() == null ? "" : options.uploads().toString());
        values.put(
                "pages",
                options.pagesSectionId() == null ? "" : options.pagesSectionId().toString());
        values.put("update", String.valueOf(options.update()));
        options.sectionMapping().forEach((category, section) -> values.put("section." + category, section.toString()));
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    static Options read(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        String uploads = values.getOrDefault("uploads", "");
        String pages = values.getOrDefault("pages", "");
        Map<String, Long> mapping = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("section.")) {
                mapping.put(key.substring("section.".length()), Long.valueOf(value));
            }
        });
        return new Options(
                uploads.isEmpty() ? null : Path.of(uploads),
                pages.isEmpty() ? null : Long.valueOf(pages),
                mapping,
                Boolean.parseBoolean(values.getOrDefault("update", "false")));
    }
}
