package org.masthead.consistency;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.masthead.consistency.DerivedData.Drift;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line's consistency check: {@code java -jar masthead.jar check [--repair]}. Starts the application
 * listening on no port, recomputes every value the database's triggers keep from the articles and prints, per
 * table, the rows wrong, missing and extra; with {@code --repair}, writes the recomputed values in one transaction.
 * Other arguments ({@code --spring.datasource.url=…}) go to Spring as usual. Exit code 0 when everything was in
 * step (or has been repaired), 1 when drift was found and left, 2 for wrong arguments.
 */
public final class CheckCommand {

    static final String USAGE = "Usage: check [--repair]";

    /** As for an import: no port, no scheduled publication, no background job taken while it runs. */
    private static final List<String> ONE_OFF_RUN =
            List.of("--server.port=-1", "--masthead.scheduler.enabled=false", "--masthead.jobs.enabled=false");

    private CheckCommand() {}

    /** Whether these program arguments ask for the check. */
    public static boolean isCheck(String[] args) {
        return args.length > 0 && "check".equals(args[0]);
    }

    /** Runs the check in an application of its own; answers the exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        Boolean repair = parse(args, out);
        if (repair == null) {
            return 2;
        }
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!"--repair".equals(args[i])) {
                springArgs.add(args[i]);
            }
        }
        if (springArgs.stream().noneMatch(arg -> arg.startsWith("--masthead.demo-content"))) {
            springArgs.add("--masthead.demo-content=false");
        }
        springArgs.addAll(ONE_OFF_RUN);
        try (ConfigurableApplicationContext context =
                new SpringApplication(application).run(springArgs.toArray(String[]::new))) {
            return execute(context, repair, out);
        }
    }

    /** Runs the check in an application already started (arguments meant for Spring are ignored). */
    static int run(ApplicationContext context, String[] args, PrintStream out) {
        Boolean repair = parse(args, out);
        return repair == null ? 2 : execute(context, repair, out);
    }

    /** Whether to repair, or null when the arguments are wrong (the usage is printed). */
    static Boolean parse(String[] args, PrintStream out) {
        boolean repair = false;
        for (int i = 1; i < args.length; i++) {
            if ("--repair".equals(args[i])) {
                repair = true;
            } else if (!args[i].startsWith("--") || !args[i].contains("=")) {
                out.println(USAGE);
                out.println("Unknown argument: " + args[i]);
                return null;
            }
        }
        return repair;
    }

    private static int execute(ApplicationContext context, boolean repair, PrintStream out) {
        DerivedData data = context.getBean(DerivedData.class);
        List<Drift> drifts = repair ? data.repair() : data.check();
        out.printf("%-52s %8s %8s %8s%n", "derived data", "wrong", "missing", "extra");
        for (Drift drift : drifts) {
            out.printf("%-52s %8d %8d %8d%n", drift.value().name(), drift.wrong(), drift.missing(), drift.extra());
        }
        long drifted = drifts.stream().filter(drift -> !drift.clean()).count();
        if (drifted == 0) {
            out.println("Every derived value is in step with the articles.");
            return 0;
        }
        if (repair) {
            out.println("Repaired " + drifted + " of " + drifts.size() + " derived values, in one transaction.");
            return 0;
        }
        out.println(drifted + " of " + drifts.size()
                + " derived values have drifted from the articles; run \"check --repair\" to repair them.");
        return 1;
    }
}
