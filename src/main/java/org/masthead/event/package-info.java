/**
 * The domain events readers' pages depend on: each change a reader can see is published as one of the records of
 * {@link org.masthead.event.PublicContentEvent}, with the ids it concerns. Every feature may depend on this
 * package, and it depends on none.
 */
package org.masthead.event;
