package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.FileErrors;
import dev.modelcards.onnx.ModelFiles;
import dev.modelcards.site.SiteChecker;
import dev.modelcards.site.SiteWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What killed runs leave behind is cleaned up by the next run, and only that. */
class LeftoverTempFilesTest {
    @TempDir
    Path tmp;

    @Test
    void exportSweepsTempFilesOfDeadWritersOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.write(tmp.resolve(".m.onnx." + gone.pid() + "-1.tmp"), new byte[10]);
        Path live = Files.write(tmp.resolve(".m.onnx." + ProcessHandle.current().pid() + "-7.tmp"), new byte[10]);
        Path foreign = Files.write(tmp.resolve(".notes.tmp"), new byte[10]);
        Path model = Files.write(tmp.resolve("m.onnx"), new byte[10]);
        assertThat(ModelFiles.sweep(tmp)).containsExactly(dead);
        assertThat(live).exists();
        assertThat(foreign).exists();
        assertThat(model).exists();
        assertThat(dead).doesNotExist();
    }

    @Test
    void exportedFilesGetTheUsualPermissionsNotPrivateTempOnes() throws Exception {
        Path ordinary = Files.createFile(tmp.resolve("ordinary"));
        Path written = tmp.resolve("m.onnx");
        ModelFiles.write(new byte[] {1}, written);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .as("umask applies, as for any other file (createTempFile would give rw-------)")
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
    }

    @Test
    void generateSweepsTempFilesEvenWhenNothingChanged() throws Exception {
        Path site = tmp.resolve("site");
        SiteWriter.write(site, Catalogs.currentPlan());
        // a kill between writing the manifest's temporary file and renaming it leaves this; the manifest
        // itself is then already right, so no later run rewrites (and renames) it
        Path stray = Files.write(site.resolve("..modelcards-manifest.modelcards-tmp"), new byte[3]);
        Path strayCard = Files.write(site.resolve("tfhub/.gone.md.modelcards-tmp"), new byte[3]);
        // ... and its lock file, which only a run that ends without being killed removes
        Files.write(site.resolve(".modelcards-lock.modelcards-tmp"), new byte[0]);
        assertThat(SiteChecker.check(site, Catalogs.currentPlan())).as("--check reports them")
                .extracting(SiteChecker.Problem::path).containsExactly("..modelcards-manifest.modelcards-tmp",
                        ".modelcards-lock.modelcards-tmp", "tfhub/.gone.md.modelcards-tmp");
        SiteWriter.Result r = SiteWriter.write(site, Catalogs.currentPlan());
        assertThat(r.written()).isEmpty();
        assertThat(stray).doesNotExist();
        assertThat(strayCard).doesNotExist();
        assertThat(site.resolve(".modelcards-lock.modelcards-tmp")).doesNotExist();
        assertThat(SiteChecker.check(site, Catalogs.currentPlan())).isEmpty();
    }

    @Test
    void fileErrorsNameThePathAndTheReason() {
        Path target = Path.of("/out/m.onnx");
        Path temp = Path.of("/out/.m.onnx.1-1.tmp");
        assertThat(FileErrors.cannotWrite(target, temp, new AccessDeniedException(temp.toString())))
                .isEqualTo("cannot write /out/m.onnx: permission denied");
        assertThat(FileErrors.cannotWrite(target, temp, new FileSystemException("/out", null, "Read-only file system")))
                .isEqualTo("cannot write /out/m.onnx: read-only file system (/out)");
        assertThat(FileErrors.cannotWrite(target, temp, new IOException("No space left on device")))
                .isEqualTo("cannot write /out/m.onnx: no space left on device");
        assertThat(FileErrors.describe(new AccessDeniedException("/x/y"))).isEqualTo("/x/y: permission denied");
    }
}
