package dev.vigil.metrics.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExponentialHistogramTest {

    @Test
    void scaleZeroBucketsArePowersOfTwo() {
        // scale 0: base 2; bucket 0 holds (1, 2], bucket 1 (2, 4], bucket 2 (4, 8]
        ExponentialHistogram h = ExponentialHistogram.of(ExponentialHistogramDataPoint.newBuilder()
                .setScale(0).setCount(7).setZeroCount(1)
                .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(0).addBucketCounts(2)
                        .addBucketCounts(0).addBucketCounts(4))
                .build());
        assertThat(h.classicBuckets()).containsExactly(
                new ClassicBucket(0, 1), new ClassicBucket(2, 3), new ClassicBucket(8, 7),
                new ClassicBucket(Double.POSITIVE_INFINITY, 7));
    }

    @Test
    void negativeBucketsComeFirstMostNegativeFirst() {
        // scale 1: base sqrt(2); negative bucket 1 holds [-2, -sqrt 2), bucket 2 holds [-2 sqrt 2, -2)
        ExponentialHistogram h = ExponentialHistogram.of(ExponentialHistogramDataPoint.newBuilder()
                .setScale(1).setCount(6).setZeroCount(1).setZeroThreshold(0.5)
                .setNegative(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(1).addBucketCounts(2).addBucketCounts(1))
                .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(-1).addBucketCounts(2))
                .build());
        List<ClassicBucket> buckets = h.classicBuckets();
        assertThat(buckets).extracting(ClassicBucket::cumulativeCount).containsExactly(1L, 3L, 4L, 6L, 6L);
        assertThat(buckets.get(0).upperBound()).isEqualTo(-2.0);
        assertThat(buckets.get(1).upperBound()).isCloseTo(-Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(buckets.get(2).upperBound()).isEqualTo(0.5);
        assertThat(buckets.get(3).upperBound()).isEqualTo(1.0);
    }

    @Test
    void deltasAtDifferentScalesAddAtTheLowerScale() {
        ExponentialHistogram fine = new ExponentialHistogram(2, 0, 0, new TreeMap<>(Map.of(3, 1L, 4, 2L, -1, 1L)),
                new TreeMap<>(), 4, 10, true);
        ExponentialHistogram coarse = new ExponentialHistogram(1, 1, 0, new TreeMap<>(Map.of(1, 5L)), new TreeMap<>(), 6, 20, true);
        ExponentialHistogram sum = fine.plus(coarse);
        // at scale 1, index 3 → 1, 4 → 2, -1 → -1
        assertThat(sum.scale()).isEqualTo(1);
        assertThat(sum.positive()).containsExactly(Map.entry(-1, 1L), Map.entry(1, 6L), Map.entry(2, 2L));
        assertThat(sum.count()).isEqualTo(10);
        assertThat(sum.zeroCount()).isEqualTo(1);
        assertThat(sum.sum()).isEqualTo(30);
    }
}
