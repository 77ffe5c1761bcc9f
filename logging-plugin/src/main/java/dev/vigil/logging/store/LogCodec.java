package dev.vigil.logging.store;

import dev.vigil.storage.Bytes;
import dev.vigil.storage.LongList;
import dev.vigil.storage.Segment;
import dev.vigil.storage.SegmentFormat;
import dev.vigil.storage.StoreCodec;

/**
 * The log store's layout as the storage library sees it: resource frames as definitions, {@link FrameInfo} data frame
 * headers, {@link SealedBlock} block frames, and {@link OpenBlock}s whose Bloom filters are built from the records.
 * Used at open (recovery) and under the store's append lock; its buffers are not thread-safe.
 */
final class LogCodec implements StoreCodec<FrameInfo, BlockView, OpenBlock> {

    private final ResourceTable resources;
    private final FrameData data = new FrameData();
    private final LongList exact = new LongList(256);

    LogCodec(ResourceTable resources) {
        this.resources = resources;
    }

    @Override
    public SegmentFormat format() {
        return Format.SEGMENTS;
    }

    @Override
    public boolean isDefinition(byte type) {
        return type == Format.RESOURCE;
    }

    @Override
    public void define(byte type, int id, byte[] frame, int at) {
        resources.define(id, Bytes.stringMapBE(frame, new int[] {at}));
    }

    @Override
    public FrameInfo frame(byte[] frame, int length, long offset, long sequence) {
        return FrameInfo.parse(frame, length, offset, sequence);
    }

    @Override
    public BlockView block(Segment<BlockView> segment, long offset, byte[] frame, int length) {
        return SealedBlock.parse(segment, offset, frame, length);
    }

    @Override
    public OpenBlock newBlock() {
        return new OpenBlock();
    }

    @Override
    public byte[] blockFrame(OpenBlock block) {
        return SealedBlock.frame(block, Tokens.fold(block.filter));
    }

    @Override
    public void reindex(OpenBlock block, FrameInfo frame, byte[] raw) {
        data.reset(raw, frame.rawLength(), frame.count(), frame.firstSeq());
        exact.clear();
        data.exactTokens(exact::add);
        block.add(frame, raw, data.bodiesStart(), data.bodiesEnd(), exact.array(), exact.size());
    }

    @Override
    public void retainDefinitions(Defined live) {
        resources.retainOnly(id -> live.test(Format.RESOURCE, id));
    }
}
