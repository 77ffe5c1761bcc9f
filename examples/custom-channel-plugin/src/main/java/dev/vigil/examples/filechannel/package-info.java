/** The file channel example plugin: a notification channel type contributed by a plugin of its own. */
@NullMarked
package dev.vigil.examples.filechannel;

import org.jspecify.annotations.NullMarked;
