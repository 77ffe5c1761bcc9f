/** Typed, re-applicable configuration sections bound from the platform's YAML file. */
@NullMarked
package dev.vigil.api.config;

import org.jspecify.annotations.NullMarked;
