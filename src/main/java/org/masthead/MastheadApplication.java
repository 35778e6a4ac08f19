package org.masthead;

import org.masthead.archive.ImportCommand;
import org.masthead.consistency.CheckCommand;
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
        if (CheckCommand.isCheck(args)) {
            // the consistency check of the derived data, and its repair on request (see docs/operators.md)
            System.exit(CheckCommand.run(MastheadApplication.class, args, System.out));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
