package dev.modelcards.onnx;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The verify results as JUnit XML for CI dashboards: one {@code testsuite} named {@code modelcards.verify},
 * one {@code testcase} per published model (classname = variant handle, name = version), a {@code failure}
 * per mismatching model listing every mismatch, an {@code error} per model that could not be checked, and a
 * {@code skipped} test case per deployment child card (TF.js: classname = the parent's variant handle, name =
 * version and deployment path), whose message says why it is not applicable.
 * No timestamps or durations, so equal runs give byte-identical files.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /**
     * The XML text.
     *
     * @param results the results, one test case each
     * @return the JUnit XML report
     */
    public static String render(List<VerifyResult> results) {
        JsonReport.Summary s = JsonReport.Summary.of(results);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "modelcards.verify");
            x.writeAttribute("tests", Long.toString(s.models() + s.notApplicable()));
            x.writeAttribute("failures", Long.toString(s.mismatch()));
            x.writeAttribute("errors", Long.toString(s.error()));
            x.writeAttribute("skipped", Long.toString(s.notApplicable()));
            x.writeCharacters("\n");
            for (VerifyResult r : results) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                if (r.notApplicable()) {
                    String parent = r.deployment().parent();
                    int cut = parent.lastIndexOf('/');
                    x.writeAttribute("classname", parent.substring(0, cut));
                    x.writeAttribute("name", "version " + parent.substring(cut + 1) + " "
                            + r.handle().substring(parent.length() + 1));
                    x.writeStartElement("skipped");
                    x.writeAttribute("message", "not applicable: " + r.deployment().reason());
                    x.writeEndElement();
                    x.writeEndElement();
                    x.writeCharacters("\n");
                    continue;
                }
                int cut = r.handle().lastIndexOf('/');
                x.writeAttribute("classname", r.handle().substring(0, cut));
                x.writeAttribute("name", "version " + r.handle().substring(cut + 1));
                x.writeAttribute("file", r.model());
                if (r.status().equals(VerifyResult.MISMATCH)) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", r.mismatches().get(0).message());
                    x.writeAttribute("type", "mismatch");
                    x.writeCharacters(String.join("\n", r.mismatches().stream().map(Mismatch::message).toList()));
                    x.writeEndElement();
                } else if (r.status().equals(VerifyResult.ERROR)) {
                    x.writeStartElement("error");
                    x.writeAttribute("message", r.error());
                    x.writeAttribute("type", "error");
                    x.writeEndElement();
                }
                if (!r.warnings().isEmpty()) {
                    x.writeStartElement("system-out");
                    x.writeCharacters(String.join("\n", r.warnings().stream().map(w -> "warning: " + w).toList()));
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    /**
     * Writes the report atomically.
     *
     * @param results the results, one test case each
     * @param file where to write it
     */
    public static void write(List<VerifyResult> results, Path file) {
        ModelFiles.write(render(results).getBytes(StandardCharsets.UTF_8), file);
    }
}
