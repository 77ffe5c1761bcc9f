/** Go's string conventions (quoting, escapes, printable runes), shared by templates and rule-file messages. */
@NullMarked
package dev.vigil.alerting.gotext;

import org.jspecify.annotations.NullMarked;
