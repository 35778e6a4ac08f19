package org.masthead.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Connections ({@code masthead.tomcat.*}), beside Boot's {@code server.tomcat.*}.
 *
 * @param socketWriteBuffer each connection's socket write buffer: the most one write to the socket sends
 */
@ConfigurationProperties("masthead.tomcat")
record TomcatProperties(@DefaultValue("32KB") DataSize socketWriteBuffer) {}
