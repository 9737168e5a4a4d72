package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written fast paths of {@link MarkdownText} (it runs for every value of every card) agree with the
 * rules they replace, on strings made of exactly the characters those rules care about.
 */
class MarkdownTextPropertiesTest {
    /** The URL rule as a regex, as it is documented. */
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&+,;=:@%/?#-]*)?");
    private static final Pattern BLOCK_START = Pattern.compile(
            "^(?:#{1,6}(?=[ \\t]|$)|>|[-+=~](?=[ \\t]|$|[-=~])|[0-9]{1,9}(?=[.)](?:[ \\t]|$)))");

    @Property(tries = 3000)
    void isSafeUrlIsTheDocumentedPattern(@ForAll("urlish") String s) {
        assertThat(MarkdownText.isSafeUrl(s)).as(s).isEqualTo(URL.matcher(s).matches());
    }

    @Property(tries = 3000)
    void escapeReturnsPlainTextUnchangedAndChangesEverythingElseAsBefore(@ForAll("markdownish") String s) {
        String escaped = MarkdownText.escape(s);
        boolean special = s.chars().anyMatch(c -> "\\`*[]|<>&_\n\r".indexOf(c) >= 0) || BLOCK_START.matcher(s).find();
        if (!special) {
            assertThat(escaped).as("plain text keeps its bytes").isEqualTo(s);
        }
        assertThat(escaped).as("no raw markup survives").doesNotContain("\n", "\r", "<", ">");
        assertThat(BLOCK_START.matcher(escaped).find()).as("no line-start block marker survives: " + escaped).isFalse();
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> prefix = Arbitraries.of("https://", "http://", "ftp://", "https:/", "", "http://a", "https://x.org:");
        Arbitrary<String> rest = Arbitraries.strings().withChars("aZ09.-:/_~!$&+,;=@%?# \"<>`()[]é\n").ofMaxLength(12);
        return prefix.flatMap(p -> rest.map(r -> p + r));
    }

    @Provide
    Arbitrary<String> markdownish() {
        return Arbitraries.strings().withChars("ab1 #>-+=~.)\\`*[]|<>&_\n\r\t").ofMaxLength(10);
    }
}
