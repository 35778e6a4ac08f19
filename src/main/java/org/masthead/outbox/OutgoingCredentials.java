package org.masthead.outbox;

import java.util.Map;

/**
 * Adds the credentials of one kind of destination to a request as it is sent (an API token, a signature of the
 * body), so that none is ever stored in the outbox, and a rotated token applies to the calls still waiting. A bean
 * of this type per kind that needs it.
 */
public interface OutgoingCredentials {

    /** The {@link OutgoingRequest#kind()} these credentials are for. */
    String kind();

    /** The headers to add to {@code request} now (such as {@code Authorization}). */
    Map<String, String> headersFor(OutgoingRequest request);
}
