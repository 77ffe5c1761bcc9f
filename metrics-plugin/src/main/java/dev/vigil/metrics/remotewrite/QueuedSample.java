package dev.vigil.metrics.remotewrite;

import dev.vigil.api.metrics.Labels;

/** One sample waiting in a {@link RemoteWriteExporter}'s queue. */
record QueuedSample(Labels labels, long timestamp, double value) {}
