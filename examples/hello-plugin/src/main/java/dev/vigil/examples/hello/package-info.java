/** The hello example plugin. */
@NullMarked
package dev.vigil.examples.hello;

import org.jspecify.annotations.NullMarked;
