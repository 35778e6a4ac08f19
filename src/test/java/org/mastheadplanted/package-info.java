/**
 * Planted violations of the architecture rules, for {@code org.masthead.RoleRulesTests} only: each rule must report
 * them (so a rule that checks nothing fails its test). Outside {@code org.masthead}, so no test context scans
 * these controllers and repositories, and {@code ArchitectureTests} never imports them.
 */
package org.mastheadplanted;
