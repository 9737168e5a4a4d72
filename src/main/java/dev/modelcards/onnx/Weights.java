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
 * deterministic test inference yields finite outputs. A quantized model draws the same values as its float
 * model and stores them quantized ({@link #quantize}).
 */
final class Weights {
    private final SplittableRandom random;

    Weights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A float tensor of {@code dims}, uniform in ±sqrt(3 / fanIn) (unit variance after the convolution). */
    TensorProto kernel(String name, int fanIn, long... dims) {
        return floats(name, kernelValues(fanIn, dims), dims);
    }

    /** A bias (batch norm folded in: beta − mean·gamma/σ), small and centred. */
    TensorProto bias(String name, int channels) {
        return floats(name, biasValues(channels), channels);
    }

    /** The values {@link #kernel} would store, drawn from the same sequence. */
    float[] kernelValues(int fanIn, long... dims) {
        return uniform(Math.sqrt(3.0 / fanIn), dims);
    }

    /** The values {@link #bias} would store, drawn from the same sequence. */
    float[] biasValues(int channels) {
        return uniform(0.1, channels);
    }

    private float[] uniform(double bound, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }

    /** A float tensor holding {@code values}, little-endian raw data. */
    static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        buf.flip();
        return tensor(name, TensorProto.DataType.FLOAT, ByteString.copyFrom(buf), dims);
    }

    /**
     * Values quantized to uint8 with one scale and zero point for the whole tensor (asymmetric, the range
     * widened to include 0 so that 0 is exact, as TF-Lite quantizes weights).
     *
     * @param values    the quantized values, 0–255
     * @param scale     real value of one step
     * @param zeroPoint the quantized value of 0.0
     */
    record Quantized(byte[] values, float scale, int zeroPoint) {
    }

    /** {@code values} quantized per tensor to uint8: {@code q = clamp(round(v / scale) + zeroPoint, 0, 255)}. */
    static Quantized quantize(float[] values) {
        float min = 0f;
        float max = 0f;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float scale = max > min ? (max - min) / 255f : 1f;
        int zeroPoint = Math.max(0, Math.min(255, Math.round(-min / scale)));
        byte[] q = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            q[i] = (byte) Math.max(0, Math.min(255, Math.round(values[i] / scale) + zeroPoint));
        }
        return new Quantized(q, scale, zeroPoint);
    }

    /** A uint8 tensor. */
    static TensorProto uint8(String name, byte[] values, long... dims) {
        return tensor(name, TensorProto.DataType.UINT8, ByteString.copyFrom(values), dims);
    }

    /** An int32 tensor (quantized biases). */
    static TensorProto int32(String name, int[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buf.putInt(v);
        }
        buf.flip();
        return tensor(name, TensorProto.DataType.INT32, ByteString.copyFrom(buf), dims);
    }

    /** A constant float tensor (scalars for Clip bounds, the input rescale and quantization scales). */
    static TensorProto scalar(String name, float value) {
        ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
        buf.flip();
        return tensor(name, TensorProto.DataType.FLOAT, ByteString.copyFrom(buf));
    }

    /** A uint8 scalar (quantization zero points). */
    static TensorProto uint8Scalar(String name, int value) {
        return tensor(name, TensorProto.DataType.UINT8, ByteString.copyFrom(new byte[] {(byte) value}));
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, ByteString raw, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
