/**
 * The machinery of the platform's embedded append-only stores, generic over what each store puts in its frames and
 * block indexes.
 *
 * <p>A store keeps its data in a folder of numbered segment files ({@link dev.vigil.storage.Segment}), each a header
 * ({@link dev.vigil.storage.SegmentFormat}) and checksummed frames ({@link dev.vigil.storage.Frames}): definition
 * frames of the values data frames refer to by id ({@link dev.vigil.storage.Definition}), compressed data frames
 * ({@link dev.vigil.storage.DataFrame}), and block frames that index a run of data frames ({@link
 * dev.vigil.storage.Block}). {@link dev.vigil.storage.SegmentStore} appends encoded batches ({@link
 * dev.vigil.storage.Batch}), seals the block being written ({@link dev.vigil.storage.BlockBuilder}) when it is full,
 * rolls segments, recovers a torn tail on open and applies retention by age and size; readers see immutable {@link
 * dev.vigil.storage.StoreView snapshots} and read frames through a {@link dev.vigil.storage.FrameReader}. A store plugs
 * in its own layout through a {@link dev.vigil.storage.StoreCodec}; {@link dev.vigil.storage.DirectoryLock} keeps two
 * stores out of one folder.
 *
 * <p>A plain library: each plugin that has a store shades its own copy.
 */
@NullMarked
package dev.vigil.storage;

import org.jspecify.annotations.NullMarked;
