package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.SafeFiles;
import dev.modelcards.site.SiteWriter;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second generate on a folder another run is writing refuses at once, naming that run, and changes nothing. */
class ConcurrentGenerateTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondGenerateOnTheSameFolderRefusesNamingTheOtherProcess() throws Exception {
        Path site = tmp.resolve("site");
        SiteWriter.write(site, Catalogs.oldPlan());
        SortedMap<String, byte[]> before = Tree.read(site);
        Cli.Result r;
        // this test process plays the run in progress: it holds the site's lock as generate does
        try (SafeFiles.Lock held = new SafeFiles(".modelcards-tmp").lock(site)) {
            r = Cli.run("generate", "--catalog", Catalogs.CURRENT.toString(), "--format", "text", "--out", site.toString());
        }
        String line = Failures.assertCleanError(r, site.toString());
        assertThat(line).contains("another modelcards process (pid " + ProcessHandle.current().pid() + ") is writing " + site);
        assertThat(Tree.differences(Tree.read(site), before)).as("nothing changed").isEmpty();
        assertThat(Failures.temporaryFiles(site)).isEmpty();

        r = Cli.run("generate", "--catalog", Catalogs.CURRENT.toString(), "--format", "text", "--out", site.toString());
        assertThat(r.exit()).as(r.describe()).isZero();
        assertThat(Failures.temporaryFiles(site)).as("the lock file goes with the run").isEmpty();
    }
}
