package org.masthead;

import org.masthead.archive.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MastheadApplication {

    public static void main(String[] args) {
        if (ImportCommand.isImport(args)) {
            // an archive import from the command line: no web server, then exit (see docs/import-export.md)
            System.exit(ImportCommand.run(MastheadApplication.class, args, System.out));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
