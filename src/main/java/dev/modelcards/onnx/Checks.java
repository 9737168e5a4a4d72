package dev.modelcards.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares one {@link Observation} with one {@link Declared}: input count, rank, layout, dimensions and
 * element type; output rank, dimensions and type; parameter and MAC counts within tolerance; the
 * deterministic run's output shape and finiteness. Every contradiction becomes a {@link Mismatch} naming the
 * handle, the field, the declared and the actual value.
 */
public final class Checks {
    private final String handle;
    private final List<Mismatch> mismatches = new ArrayList<>();

    private Checks(String handle) {
        this.handle = handle;
    }

    /**
     * Every mismatch between {@code o} and {@code d}, in the order the checks run.
     *
     * @param handle the model's handle, for messages
     * @param d what the catalog declares
     * @param o what the file has
     * @return the mismatches; empty when the file matches
     */
    public static List<Mismatch> compare(String handle, Declared d, Observation o) {
        Checks c = new Checks(handle);
        c.input(d, o);
        c.output(d, o);
        c.counts(d, o);
        c.inference(d, o);
        return List.copyOf(c.mismatches);
    }

    private void input(Declared d, Observation o) {
        if (o.inputs().size() != 1) {
            fail("inputs", "1 (images " + Shapes.text(d.inputShape()) + ")", o.inputs().size() + " ("
                    + String.join(", ", o.inputs().stream().map(TensorFacts::name).toList()) + ")");
            return;
        }
        TensorFacts in = o.inputs().get(0);
        if (!d.inputTypes().contains(in.type())) {
            fail("input type", String.join(" or ", d.inputTypes()), in.type());
        }
        List<Long> s = in.shape();
        List<Long> want = d.inputShape();
        if (s.size() != want.size()) {
            fail("input rank", want.size() + " (NHWC " + Shapes.text(want) + ")", s.size() + " " + in.shapeText());
            return;
        }
        long channels = want.get(3);
        if (s.get(1) == channels && s.get(3) != channels) {
            fail("input layout", "NHWC " + Shapes.text(want), "NCHW " + in.shapeText());
            return;
        }
        if (s.get(0) != -1 && s.get(0) != 1) {
            fail("input dim 0 (batch)", "symbolic or 1", s.get(0));
        }
        String[] names = {"batch", "height", "width", "channels"};
        for (int i = 1; i < 4; i++) {
            if (!s.get(i).equals(want.get(i))) {
                fail("input dim " + i + " (" + names[i] + ")", want.get(i), s.get(i) < 0 ? "symbolic" : s.get(i));
            }
        }
    }

    private void output(Declared d, Observation o) {
        if (o.outputs().isEmpty()) {
            fail("outputs", "1", 0);
            return;
        }
        TensorFacts out = o.outputs().get(0);
        List<Long> s = out.shape();
        List<Long> want = d.outputShape();
        if (s.size() != want.size()) {
            fail("output rank", want.size() + " " + Shapes.text(want), s.size() + " " + out.shapeText());
            return;
        }
        if (s.get(0) != -1 && s.get(0) != 1) {
            fail("output dim 0 (batch)", "symbolic or 1", s.get(0));
        }
        if (s.get(1) >= 0 && !s.get(1).equals(want.get(1))) {
            fail("output dim 1", want.get(1), s.get(1));
        }
        if (!d.outputTypes().contains(out.type())) {
            fail("output type", String.join(" or ", d.outputTypes()), out.type());
        }
    }

    private void counts(Declared d, Observation o) {
        if (o.stats() == null) {
            return;
        }
        if (!d.params().accepts(o.stats().params())) {
            fail("params", d.params().text(), Figure.millions(o.stats().params()));
        }
        if (o.stats().macsKnown() && !d.macs().accepts(o.stats().macs())) {
            fail("macs", d.macs().text(), Figure.millions(o.stats().macs()));
        }
    }

    private void inference(Declared d, Observation o) {
        OnnxModel.Output r = o.inference();
        if (r == null) {
            return;
        }
        List<Long> want = List.of(1L, d.outputShape().get(1));
        boolean staticDimWrong = !o.outputs().isEmpty() && o.outputs().get(0).shape().size() == 2
                && o.outputs().get(0).shape().get(1) >= 0 && !o.outputs().get(0).shape().get(1).equals(want.get(1));
        if (!r.shape().equals(want) && !staticDimWrong) {
            fail("inference output shape", Shapes.text(want), Shapes.text(r.shape()));
        }
        if (!r.allFinite()) {
            fail("inference output values", "finite", "NaN or infinite values");
        }
    }

    private void fail(String field, Object declared, Object actual) {
        mismatches.add(Mismatch.of(handle, field, declared, actual));
    }
}
