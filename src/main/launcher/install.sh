#!/bin/sh
# Run by `mvn package` after the shaded jar is built (pom.xml, exec-maven-plugin execution "launcher"):
# writes target/modelcards (the launcher) and target/modelcards.jsa (its class-data sharing archive). The
# archive is a static one (-Xshare:dump from the class list of training runs of generate, validate, list and
# show over the project's catalog), not a dynamic one (-XX:ArchiveClassesAtExit): Java 17's dynamic archive
# skips classes compiled for Java 5, and picocli is, which left ~170 picocli classes to be parsed and
# verified on every start (about a third of a bundled-catalog generate's start-up). A failed training run
# leaves the launcher without an archive (it then starts like java -jar) and does not fail the build.
set -u
basedir=$1
target=$(cd "$2" && pwd -P)
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
fi
cp "$basedir/src/main/launcher/modelcards" "$target/modelcards" && chmod +x "$target/modelcards" || exit 1
rm -f "$target/modelcards.jsa"
scratch=$target/cds-training
rm -rf "$scratch"
mkdir -p "$scratch"
log=$target/cds-training.log
: > "$log"
# the same JVM options as the launcher (an archive is only used with a matching class path and GC)
train() {
    "$java" -XX:DumpLoadedClassList="$scratch/classes.$1.lst" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Djava.io.tmpdir="$scratch" -jar "$target/modelcards.jar" "$@" >> "$log" 2>&1
}
if train generate --catalog "$basedir/catalog" --out "$scratch/site" \
        && train validate --catalog "$basedir/catalog" \
        && train list --catalog "$basedir/catalog" \
        && train show --catalog "$basedir/catalog" google/imagenet/mobilenet_v2_100_224/classification/5 \
        && cat "$scratch"/classes.*.lst | awk '!seen[$0]++' > "$scratch/classes.lst" \
        && "$java" -Xshare:dump -XX:SharedClassListFile="$scratch/classes.lst" -XX:SharedArchiveFile="$target/modelcards.jsa" \
            -XX:+UseSerialGC -Xlog:cds=error -cp "$target/modelcards.jar" >> "$log" 2>&1; then
    echo "launcher: $target/modelcards (class-data sharing archive $target/modelcards.jsa)"
else
    rm -f "$target/modelcards.jsa"
    echo "launcher: $target/modelcards WITHOUT a class-data sharing archive: the training run failed, see $log" >&2
fi
rm -rf "$scratch"
exit 0
