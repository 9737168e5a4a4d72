#!/bin/sh
# Run by `mvn package` after the shaded jar is built (pom.xml, exec-maven-plugin execution "launcher"):
# writes target/modelcards (the launcher) and target/modelcards.jsa (its class-data sharing archive), made
# by one training run of `generate` over the project's catalog into a scratch folder. A failed training run
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
# the same JVM options as the launcher (an archive is only used with a matching class path and GC)
if "$java" -XX:ArchiveClassesAtExit="$target/modelcards.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Djava.io.tmpdir="$target" -jar "$target/modelcards.jar" generate --catalog "$basedir/catalog" \
        --out "$scratch/site" > "$target/cds-training.log" 2>&1; then
    echo "launcher: $target/modelcards (class-data sharing archive $target/modelcards.jsa)"
else
    rm -f "$target/modelcards.jsa"
    echo "launcher: $target/modelcards WITHOUT a class-data sharing archive: the training run failed, see $target/cds-training.log" >&2
fi
rm -rf "$scratch"
exit 0
