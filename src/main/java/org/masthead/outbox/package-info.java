/**
 * Outgoing HTTP calls to other systems (edge cache purges, webhooks), through one transactional outbox:
 * {@link org.masthead.outbox.HttpOutbox}. It depends on no feature.
 */
package org.masthead.outbox;
