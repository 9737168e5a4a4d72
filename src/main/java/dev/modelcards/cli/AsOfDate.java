package dev.modelcards.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Converts {@code --as-of} values: an ISO date, with a usage error (exit 2) naming the expected form. */
final class AsOfDate implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date; expected YYYY-MM-DD, e.g. 2021-06-23");
        }
    }
}
