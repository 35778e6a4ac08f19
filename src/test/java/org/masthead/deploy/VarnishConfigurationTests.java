package org.masthead.deploy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Varnish configuration shipped in deploy/varnish compiles with the Varnish installed here ({@code varnishd -C},
 * which also loads the xkey module it imports). Skipped where Varnish is not installed.
 */
class VarnishConfigurationTests {

    static final Path VCL = Path.of("deploy/varnish/default.vcl");

    @Test
    void theReferenceConfigurationCompiles(@TempDir Path work) throws Exception {
        if (varnishd() == null && Boolean.getBoolean("masthead.system-tools.required")) {
            throw new AssertionError(
                    "varnishd is not installed (apt-get install varnish varnish-modules); CI needs it");
        }
        assumeTrue(varnishd() != null, "varnishd is not installed (apt-get install varnish varnish-modules)");
        // varnishd compiles as its own unprivileged user, in its working folder, so it reads copies of the VCL
        // files from a folder anyone may read (the checkout may be in a private one)
        work.toFile().setWritable(true, false);
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        Path copies = Files.createDirectory(work.resolve("vcl"));
        for (String name : new String[] {"default.vcl", "masthead.vcl"}) {
            Path copy = Files.copy(VCL.resolveSibling(name), copies.resolve(name));
            copy.toFile().setReadable(true, false);
        }
        copies.toFile().setReadable(true, false);
        copies.toFile().setExecutable(true, false);
        Path state = Files.createDirectory(work.resolve("state"));
        state.toFile().setWritable(true, false);
        state.toFile().setExecutable(true, false);
        state.toFile().setReadable(true, false);
        Process compile = new ProcessBuilder(
                        varnishd(),
                        "-C",
                        "-n",
                        state.toString(),
                        "-f",
                        copies.resolve("default.vcl").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compile.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(compile.exitValue())
                .as(output.length() > 3000 ? output.substring(output.length() - 3000) : output)
                .isZero();
    }

    @Test
    void purgesAreByXkeyAndSessionsAreNeverCached() throws Exception {
        String shared = Files.readString(VCL.resolveSibling("masthead.vcl"));
        assertThat(shared)
                .contains("xkey.purge(req.http.xkey)")
                .contains("set beresp.http.xkey = beresp.http.Surrogate-Key;")
                .contains("client.ip !~ purgers")
                .contains("req.http.Cookie ~ \"(^|;\\s*)SESSION=\"");
        assertThat(Files.readString(VCL.resolveSibling("compose.vcl"))).contains("include \"./masthead.vcl\";");
    }

    private static String varnishd() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            File candidate = new File(dir, "varnishd");
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
