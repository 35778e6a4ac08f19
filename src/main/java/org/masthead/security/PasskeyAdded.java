package org.masthead.security;

/** Published when a signed-in member has added a passkey (the account feature audits it). */
public record PasskeyAdded(StaffUser member, String label) {}
