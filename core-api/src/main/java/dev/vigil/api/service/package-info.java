/** The service registry through which plugins publish services to each other and consume them. */
@NullMarked
package dev.vigil.api.service;

import org.jspecify.annotations.NullMarked;
