package dev.vigil.tracing.store;

import dev.vigil.storage.LongList;
import dev.vigil.storage.Segment;
import dev.vigil.storage.SegmentFormat;
import dev.vigil.storage.StoreCodec;

/**
 * The trace store's layout as the storage library sees it: resource and operation frames as definitions (kept in the
 * {@link Dictionary}), {@link FrameInfo} data frame headers, {@link SealedBlock} block frames, and {@link OpenBlock}s
 * indexed from the spans. Used at open (recovery) and under the store's append lock; its buffers are not thread-safe.
 */
final class TraceCodec implements StoreCodec<FrameInfo, BlockView, OpenBlock> {

    private final Dictionary dictionary;
    private final FrameSpans spans = new FrameSpans();
    private final LongList hashes = new LongList(1024);

    TraceCodec(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public SegmentFormat format() {
        return Format.SEGMENTS;
    }

    @Override
    public boolean isDefinition(byte type) {
        return type == Format.RESOURCE || type == Format.OPERATION;
    }

    @Override
    public void define(byte type, int id, byte[] frame, int at) {
        dictionary.define(type, id, frame, at);
    }

    @Override
    public FrameInfo frame(byte[] frame, int length, long offset, long sequence) {
        return FrameInfo.parse(frame, length, offset);
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
        return SealedBlock.frame(block);
    }

    @Override
    public void reindex(OpenBlock block, FrameInfo frame, byte[] raw) {
        spans.reset(raw, frame.rawLength(), frame.count());
        hashes.clear();
        spans.attributeHashes(hashes::add);
        block.add(frame, spans, hashes.array(), hashes.size());
    }

    @Override
    public void retainDefinitions(Defined live) {
        dictionary.retainOnly(id -> live.test(Format.RESOURCE, id), id -> live.test(Format.OPERATION, id));
    }
}
