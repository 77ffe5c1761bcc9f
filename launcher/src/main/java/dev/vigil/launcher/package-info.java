/** The {@code vigil} command: run the platform, list plugins, check configuration. */
@NullMarked
package dev.vigil.launcher;

import org.jspecify.annotations.NullMarked;
