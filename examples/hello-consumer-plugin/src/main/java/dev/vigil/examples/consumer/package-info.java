/** An example plugin that requires hello. */
@NullMarked
package dev.vigil.examples.consumer;

import org.jspecify.annotations.NullMarked;
