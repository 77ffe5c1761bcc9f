/**
 * The Vigil SPI: what a plugin compiles against.
 *
 * <p>Everything in this module is loaded once, by the platform layer, and shared by every plugin; a
 * plugin never bundles these classes. Types marked {@link dev.vigil.api.Experimental} may still change
 * between minor versions.
 */
@NullMarked
package dev.vigil.api;

import org.jspecify.annotations.NullMarked;
