package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Deterministic stand-in weights. One {@link SplittableRandom} per model, seeded from the model's content
 * hash and consumed in graph order, so the same spec always yields the same bytes (on any JVM: the
 * generator's sequence is specified). Values are scaled by fan-in so activations stay in range and the
 * deterministic test inference yields finite outputs.
 */
final class Weights {
    private final SplittableRandom random;

    Weights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A float tensor of {@code dims}, uniform in ±sqrt(3 / fanIn) (unit variance after the convolution). */
    TensorProto kernel(String name, int fanIn, long... dims) {
        double bound = Math.sqrt(3.0 / fanIn);
        return floats(name, bound, dims);
    }

    /** A bias (batch norm folded in: beta − mean·gamma/σ), small and centred. */
    TensorProto bias(String name, int channels) {
        return floats(name, 0.1, channels);
    }

    private TensorProto floats(String name, double bound, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) {
            buf.putFloat((float) ((random.nextDouble() * 2 - 1) * bound));
        }
        buf.flip();
        return tensor(name, TensorProto.DataType.FLOAT, ByteString.copyFrom(buf), dims);
    }

    /** A constant float tensor (scalars for Clip bounds and the input rescale). */
    static TensorProto scalar(String name, float value) {
        ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
        buf.flip();
        return tensor(name, TensorProto.DataType.FLOAT, ByteString.copyFrom(buf));
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, ByteString raw, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
