/**
 * The parts of an OTLP/HTTP receiver that do not depend on the signal: {@link dev.vigil.otlp.OtlpEncoding} (the two
 * content types), {@link dev.vigil.otlp.OtlpRequestDecoder} (gzip with a size cap, then protobuf or OTLP JSON),
 * {@link dev.vigil.otlp.RequestRefusedException} and {@link dev.vigil.otlp.RpcStatus} (the error answers the
 * specification asks for) and {@link dev.vigil.otlp.AnyValues} (attribute values as text).
 */
@NullMarked
package dev.vigil.otlp;

import org.jspecify.annotations.NullMarked;
