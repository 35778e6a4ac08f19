package org.masthead.security;

import java.util.Optional;

/**
 * Who does something: a signed-in staff member, the scheduler, an import, the application itself, or someone
 * who is not signed in yet. Every writing service method takes one, checks its permissions against it and names
 * it in the audit log; nothing reads the signed-in user from a thread-local.
 */
public sealed interface Actor permits StaffUser, Actor.Scheduler, Actor.Import, Actor.System, Actor.SignIn {

    /** The name the audit log shows: a staff member's email, or the name of the job. */
    String auditName();

    /** The name shown on what this actor made (revisions, notes): the audit name unless the actor says otherwise. */
    default String label() {
        return auditName();
    }

    /** Whether this actor has the powers of {@code role} (an admin those of an editor, and so on). */
    boolean hasAtLeast(Role role);

    /** The staff member acting, if a person on the staff is. */
    default Optional<StaffUser> staff() {
        return java.util.Optional.empty();
    }

    /** Publishes scheduled content when its time comes: an editor's powers. */
    static Actor scheduler() {
        return new Scheduler();
    }

    /** Brings in content from elsewhere (the demo journal, an archive): an admin's powers. */
    static Actor importing(String source) {
        return new Import(source);
    }

    /** The application's own work (first start, the newsletter senders): an admin's powers. */
    static Actor system(String name) {
        return new System(name);
    }

    /** Someone not signed in, named by the email they gave (a sign-in attempt, a set-password link): no powers. */
    static Actor signIn(String email) {
        return new SignIn(email);
    }

    record Scheduler() implements Actor {
        public static final String NAME = "scheduler";

        @Override
        public String auditName() {
            return NAME;
        }

        @Override
        public String label() {
            return "Scheduler";
        }

        @Override
        public boolean hasAtLeast(Role role) {
            return Role.EDITOR.compareTo(role) >= 0;
        }
    }

    /** Imported content; its audit lines name the actor "import", its revisions "Import". */
    record Import(String source) implements Actor {
        public static final String NAME = "import";

        @Override
        public String auditName() {
            return NAME;
        }

        @Override
        public String label() {
            return "Import";
        }

        @Override
        public boolean hasAtLeast(Role role) {
            return true;
        }
    }

    record System(String name) implements Actor {
        @Override
        public String auditName() {
            return name;
        }

        @Override
        public boolean hasAtLeast(Role role) {
            return true;
        }
    }

    record SignIn(String email) implements Actor {
        @Override
        public String auditName() {
            return email;
        }

        @Override
        public boolean hasAtLeast(Role role) {
            return false;
        }
    }
}
