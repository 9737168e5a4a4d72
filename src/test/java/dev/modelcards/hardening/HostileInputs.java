package dev.modelcards.hardening;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile files of every kind the readers meet: FIFOs, sparse files just over a size limit, tiny ONNX graphs
 * broken in one way each, images whose header lies. Shared by the hostile-input tests, the bounds test and the
 * seed-corpus writer.
 */
public final class HostileInputs {
    private HostileInputs() {
    }

    /** Whether the error text shows a Java exception class name or a stack frame (never allowed). */
    public static boolean showsJavaInternals(String text) {
        return text.matches("(?s).*([A-Za-z](Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\bat [a-z]+\\.[a-z]).*")
                || text.contains("\tat ");
    }

    // ---- files that are not regular files, or too big --------------------------------------------------

    /** A named pipe; opening it for reading blocks until a writer comes. */
    public static Path fifo(Path dir, String name) {
        Path p = dir.resolve(name);
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                throw new IllegalStateException("mkfifo failed for " + p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return p;
    }

    /**
     * Releases a reader that may be blocked in opening {@code fifo} (the code before the fix): opening it for
     * reading and writing never blocks on Linux and counts as a writer; closing it gives the reader end of file.
     */
    public static void release(Path fifo) {
        try (FileChannel c = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Thread.sleep(50);
        } catch (IOException e) {
            // gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sparse file of {@code bytes} zero bytes (no disk used): just over a limit costs nothing to make. */
    public static Path sparse(Path dir, String name, long bytes) {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- ONNX --------------------------------------------------------------------------------------------

    /**
     * A tiny valid classifier, NHWC float input {@code [batch, size, size, 3]} to {@code [batch, classes]}:
     * Transpose, 3×3 Conv (stride 2, pads 1), Clip (ReLU6), GlobalAveragePool, Flatten, Gemm. Small enough to
     * be a fuzzing seed (a few kB), yet the shape walk's every counting path is on it.
     */
    public static ModelProto tinyModel(int size, int classes) {
        SplittableRandom r = new SplittableRandom(14);
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny");
        g.addInput(valueInfo("images", TensorProto.DataType.FLOAT, -1, size, size, 3));
        g.addInitializer(floats("conv_w", r, 8, 3, 3, 3));
        g.addInitializer(floats("conv_b", r, 8));
        g.addInitializer(floats("zero", r));
        g.addInitializer(floats("six", r));
        g.addInitializer(floats("fc_w", r, 8, classes));
        g.addInitializer(floats("fc_b", r, classes));
        g.addNode(node("Transpose", "to_nchw", new String[] {"images"}, "nchw", ints("perm", 0, 3, 1, 2)));
        g.addNode(node("Conv", "conv", new String[] {"nchw", "conv_w", "conv_b"}, "conv_out",
                ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", 1, 1, 1, 1)));
        g.addNode(node("Clip", "relu6", new String[] {"conv_out", "zero", "six"}, "relu6_out"));
        g.addNode(node("GlobalAveragePool", "pool", new String[] {"relu6_out"}, "pooled"));
        g.addNode(node("Flatten", "flatten", new String[] {"pooled"}, "flat", intAttr("axis", 1)));
        g.addNode(node("Gemm", "fc", new String[] {"flat", "fc_w", "fc_b"}, "logits"));
        g.addOutput(valueInfo("logits", TensorProto.DataType.FLOAT, -1, classes));
        return model(g);
    }

    public static ModelProto model(GraphProto.Builder g) {
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setProducerName("modelcards-tests").setGraph(g).build();
    }

    public static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(s))).build();
    }

    public static TensorProto floats(String name, SplittableRandom r, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) {
            b.putFloat((float) (r.nextDouble() - 0.5));
        }
        b.flip();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(b));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    public static NodeProto node(String op, String name, String[] inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** {@link #tinyModel} with its {@code i}-th node replaced. */
    public static ModelProto withNode(ModelProto m, int i, NodeProto n) {
        ModelProto.Builder b = m.toBuilder();
        b.getGraphBuilder().setNode(i, n);
        return b.build();
    }

    /** The graph's initializer {@code name} replaced by {@code t}. */
    public static ModelProto withInitializer(ModelProto m, String name, TensorProto t) {
        ModelProto.Builder b = m.toBuilder();
        for (int i = 0; i < b.getGraph().getInitializerCount(); i++) {
            if (b.getGraph().getInitializer(i).getName().equals(name)) {
                b.getGraphBuilder().setInitializer(i, t);
            }
        }
        return b.build();
    }

    /** The conv kernel kept in an external file ({@code location} relative to the model). */
    public static ModelProto externalData(String location, long offset, long length) {
        ModelProto m = tinyModel(16, 10);
        TensorProto w = m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("conv_w"))
                .findFirst().orElseThrow().toBuilder().clearRawData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(offset)))
                .addExternalData(entry("length", Long.toString(length))).build();
        return withInitializer(m, "conv_w", w);
    }

    private static StringStringEntryProto entry(String k, String v) {
        return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }

    /** The conv kernel declaring 8×3×3×3 floats but holding only {@code bytes} bytes. */
    public static ModelProto rawDataShorterThanDims(int bytes) {
        ModelProto m = tinyModel(16, 10);
        TensorProto w = m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("conv_w"))
                .findFirst().orElseThrow();
        return withInitializer(m, "conv_w", w.toBuilder().setRawData(w.getRawData().substring(0, bytes)).build());
    }

    /** Conv reads the output of Clip, which reads the Conv's output: a cycle. */
    public static ModelProto cycle() {
        ModelProto m = tinyModel(16, 10);
        return withNode(m, 1, node("Conv", "conv", new String[] {"relu6_out", "conv_w", "conv_b"}, "conv_out",
                ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", 1, 1, 1, 1)));
    }

    /** The tiny model with its input declared {@code [1, side, side, 3]}. */
    public static ModelProto inputSide(long side) {
        ModelProto.Builder b = tinyModel(16, 10).toBuilder();
        b.getGraphBuilder().setInput(0, valueInfo("images", TensorProto.DataType.FLOAT, 1, side, side, 3));
        return b.build();
    }

    /** A Conv whose strides are 0 (a division by zero for whoever computes its output size). */
    public static ModelProto zeroStrides() {
        return withNode(tinyModel(16, 10), 1, node("Conv", "conv", new String[] {"nchw", "conv_w", "conv_b"},
                "conv_out", ints("kernel_shape", 3, 3), ints("strides", 0, 0), ints("pads", 1, 1, 1, 1)));
    }

    /** A Transpose whose perm names an axis the tensor does not have. */
    public static ModelProto permOutOfRange() {
        return withNode(tinyModel(16, 10), 0, node("Transpose", "to_nchw", new String[] {"images"}, "nchw",
                ints("perm", 0, 7, 1, 2)));
    }

    /** Flatten reads a tensor that nothing produces and the graph does not declare. */
    public static ModelProto danglingInput() {
        return withNode(tinyModel(16, 10), 4, node("Flatten", "flatten", new String[] {"nowhere"}, "flat",
                intAttr("axis", 1)));
    }

    /** Two nodes write the same tensor. */
    public static ModelProto duplicateOutput() {
        return withNode(tinyModel(16, 10), 3, node("GlobalAveragePool", "pool", new String[] {"relu6_out"}, "conv_out"));
    }

    /** A model with {@code n} Identity nodes chained after the input (a graph too big to be a MobileNet). */
    public static ModelProto manyNodes(int n) {
        ModelProto m = tinyModel(16, 10);
        GraphProto.Builder g = m.getGraph().toBuilder();
        g.clearNode();
        String prev = "images";
        for (int i = 0; i < n; i++) {
            g.addNode(node("Identity", "id" + i, new String[] {prev}, "id" + i));
            prev = "id" + i;
        }
        for (NodeProto node : m.getGraph().getNodeList()) {
            NodeProto.Builder nb = node.toBuilder();
            for (int i = 0; i < nb.getInputCount(); i++) {
                if (nb.getInput(i).equals("images")) {
                    nb.setInput(i, prev);
                }
            }
            g.addNode(nb);
        }
        return model(g);
    }

    // ---- images ------------------------------------------------------------------------------------------

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * A PNG whose header declares {@code width × height} pixels (colour type 2, 8 bits) followed by
     * {@code rows} rows of zero pixels (0 for a header with almost no data: a decoder that trusts the header
     * allocates the whole image before it finds out).
     */
    public static byte[] png(long width, long height, int rows) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] raw = new byte[Math.toIntExact((width * 3 + 1) * rows)];
        Deflater d = new Deflater();
        d.setInput(raw.length == 0 ? new byte[100] : raw);
        d.finish();
        byte[] buf = new byte[raw.length + 1024];
        int n = d.deflate(buf);
        d.end();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        out.writeBytes(pngChunk("IDAT", java.util.Arrays.copyOf(buf, n)));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A GIF whose logical screen and only image are {@code width × height}, with almost no data. */
    public static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putShort((short) width)
                .putShort((short) height).put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) ',').putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put(new byte[] {8, 2, 0x4c, 1, 0, ';'});
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A 24-bit BMP header declaring {@code width × height} with 12 bytes of pixels. */
    public static byte[] bmp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(66).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(66).putShort((short) 0).putShort((short) 0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(12)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** {@code jpeg} with the frame header's height and width replaced (the data stays that of the original). */
    public static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int i = 2;
        while (i + 9 < out.length) {
            int marker = out[i + 1] & 0xff;
            int len = ((out[i + 2] & 0xff) << 8) | (out[i + 3] & 0xff);
            if (marker >= 0xC0 && marker <= 0xC2) {
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
            i += 2 + len;
        }
        throw new IllegalArgumentException("no frame header");
    }

    /**
     * {@code jpeg} (a progressive JPEG) with its last scan repeated {@code extra} more times before the end: a
     * small file that asks the decoder for one more pass over the whole image per scan.
     */
    public static byte[] jpegWithExtraScans(byte[] jpeg, int extra) {
        int last = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xda) {
                last = i;
            }
        }
        int end = jpeg.length - 2; // EOI
        byte[] scan = java.util.Arrays.copyOfRange(jpeg, last, end);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, end);
        for (int i = 0; i < extra; i++) {
            out.writeBytes(scan);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }
}
