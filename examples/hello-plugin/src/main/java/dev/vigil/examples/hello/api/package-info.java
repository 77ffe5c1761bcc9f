/** What the hello plugin exports to the plugins that require it. */
@NullMarked
package dev.vigil.examples.hello.api;

import org.jspecify.annotations.NullMarked;
