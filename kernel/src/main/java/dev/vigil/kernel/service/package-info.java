/** The service registry shared by all plugins, and the per-plugin views that track ownership. */
@NullMarked
package dev.vigil.kernel.service;

import org.jspecify.annotations.NullMarked;
