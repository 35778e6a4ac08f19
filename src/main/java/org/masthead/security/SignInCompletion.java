package org.masthead.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Told when a member has signed in all the way (password alone, all its steps, or a passkey). */
public interface SignInCompletion {

    void completed(StaffUser member, HttpServletRequest request, HttpServletResponse response);
}
