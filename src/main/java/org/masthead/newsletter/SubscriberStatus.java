package org.masthead.newsletter;

/** PENDING until the emailed link is confirmed; UNSUBSCRIBED keeps the record of consent and its withdrawal. */
public enum SubscriberStatus {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED
}
