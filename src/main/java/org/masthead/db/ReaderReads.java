package org.masthead.db;

/**
 * Whether the request on this thread may read from the replica: a reader's GET or HEAD with no session or
 * credentials ({@link ReplicaReadsFilter}) that has not written yet. A request that writes reads its own write
 * from the primary from then on; any other thread (staff requests, jobs, the scheduler) never reads the replica.
 */
final class ReaderReads {

    private static final ThreadLocal<ReaderReads> CURRENT = new ThreadLocal<>();

    private boolean wrote;
    private boolean readTheReplica;

    private ReaderReads() {}

    static void begin() {
        CURRENT.set(new ReaderReads());
    }

    static void end() {
        CURRENT.remove();
    }

    /** Whether a read now may go to the replica. */
    static boolean allowed() {
        ReaderReads current = CURRENT.get();
        return current != null && !current.wrote;
    }

    /** A read-only transaction of this request was given a replica connection. */
    static void readTheReplica() {
        ReaderReads current = CURRENT.get();
        if (current != null) {
            current.readTheReplica = true;
        }
    }

    /** Whether this request has read from the replica. */
    static boolean hasReadTheReplica() {
        ReaderReads current = CURRENT.get();
        return current != null && current.readTheReplica;
    }

    /** From now on this request reads only the primary (as after a write). */
    static void primaryOnly() {
        wrote();
    }

    /** A transaction that may write began: every later read of this request goes to the primary. */
    static void wrote() {
        ReaderReads current = CURRENT.get();
        if (current != null) {
            current.wrote = true;
        }
    }
}
