package org.masthead.newsletter;

/** A message to one reader, with the one-click unsubscribe URL that goes into its List-Unsubscribe header. */
public record OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {}
