package org.masthead.article.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers of the reader's site, which share the navigation of {@link NavigationAdvice}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PublicPages {}
