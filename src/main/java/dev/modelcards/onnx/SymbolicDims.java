package dev.modelcards.onnx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes one dimension of a shape in JSON: its size, or {@code null} for a symbolic dimension (-1 in memory, as
 * onnxruntime reports it). {@code null} is the one representation every JSON output of modelcards uses
 * ({@code list --format json}, {@code site/index.json}, {@code show --facts --format json}, the verify report),
 * so a script reads {@code [null, 224, 224, 3]} the same way wherever it comes from.
 */
final class SymbolicDims extends StdSerializer<Long> {
    private static final long serialVersionUID = 1L;

    SymbolicDims() {
        super(Long.class);
    }

    @Override
    public void serialize(Long dim, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (dim == null || dim < 0) {
            gen.writeNull();
        } else {
            gen.writeNumber(dim);
        }
    }
}
