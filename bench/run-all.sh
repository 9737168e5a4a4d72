#!/usr/bin/env bash
# Whole-process benchmark of every modelcards command, in one run (see bench/README.md, "Whole-process figures").
#
#   bench/run-all.sh                 # build the shaded jar, measure everything, print markdown tables
#   RUNS=3 SCALES="1 10" bench/run-all.sh
#
# Each measurement is a fresh `java` process run under /usr/bin/time -f '%e %M' (peak RSS KiB; the wall
# seconds are read with bash's microsecond clock around the same call, as %e has 10 ms steps);
# with several runs the medians are shown. Ratios are against a bare JVM that prints one line and exits
# (dev.modelcards.cli.BareJvm) or, for export and verify, against the onnxruntime floor: a process that only
# opens a session on each model file and runs it once (dev.modelcards.cli.OnnxFloor). Everything is written
# under target/bench-run/ (deleted at the start); the tables also go to target/bench-run/results.md.
#
# Environment:
#   RUNS=5          runs of each start-up-sized command (medians)
#   HEAVY_RUNS=3    runs of export / verify / floor over the whole catalog
#   SCALES="1 10 30 100"   synthetic catalog sizes (× the bundled catalog) for validate / list / generate
#   GEN_RUNS=3     runs of each scaled generate (medians; ×100 takes about a minute)
#   LIMIT=180       seconds a scaled generate may take before it is stopped and reported as "> LIMIT"
#   EXPORT_X10=1    also export / verify the ×10 synthetic catalog (760 files, a few GB); 0 to skip
#   SKIP_BUILD=1    reuse target/modelcards.jar and target/test-classes
#   PEER_SCALES="1 10 100"  catalog sizes of the comparison with the Python peer (bench/peer/render_cards.py)
#   PEER_RUNS="5 3 2"       alternated pairs at each of those sizes (medians)
#   ONLY=peer       measure only the comparison with the Python peer
set -euo pipefail

RUNS=${RUNS:-5}
HEAVY_RUNS=${HEAVY_RUNS:-3}
SCALES=${SCALES:-1 10 30 100}
GEN_RUNS=${GEN_RUNS:-3}
LIMIT=${LIMIT:-180}
EXPORT_X10=${EXPORT_X10:-1}

cd "$(dirname "$0")/.."
ROOT=$(pwd)
W=$ROOT/target/bench-run
JAR=$ROOT/target/modelcards.jar

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    # package compiles the test classes too (SyntheticCatalog lives there); -DskipTests only skips running them.
    mvn -B -q package -DskipTests
fi
[[ -f $JAR && -d $ROOT/target/test-classes ]] || { echo "run-all.sh: $JAR or target/test-classes missing; build first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run-all.sh: /usr/bin/time (GNU time) is needed" >&2; exit 1; }

rm -rf "$W"
mkdir -p "$W/tmp" "$W/logs"
# onnxruntime unpacks its natives into java.io.tmpdir: keep that under target/.
JAVA=(java "-Djava.io.tmpdir=$W/tmp")
MC=("${JAVA[@]}" -jar "$JAR")
RESULTS=$W/results.md
: > "$RESULTS"

say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }

declare -A SEC RSS
# measure NAME ALLOWED_EXIT_CODES RUNS CMD...: times CMD RUNS times, stores the median seconds and peak RSS
# (KiB) under NAME. In CMD, @RUN@ becomes the run number (for fresh output folders). Any exit code outside
# ALLOWED (comma-separated) stops the script and shows the command's log. A command stopped by `timeout`
# (exit 124) is stored as -1.
measure() {
    local name=$1 allowed=$2 runs=$3
    shift 3
    local walls=() kibs=() i code t0 t1 e k
    for ((i = 1; i <= runs; i++)); do
        local args=("${@//@RUN@/$i}")
        set +e
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%e %M' -o "$W/time.txt" "${args[@]}" > "$W/logs/$name.$i.log" 2>&1
        code=$?
        t1=$EPOCHREALTIME
        set -e
        if [[ $code == 124 && $allowed == *124* ]]; then
            SEC[$name]=-1 RSS[$name]=-1
            return
        fi
        if [[ ,$allowed, != *",$code,"* ]]; then
            echo "run-all.sh: '$name' exited with $code: ${args[*]}" >&2
            tail -20 "$W/logs/$name.$i.log" >&2
            exit 1
        fi
        # time's %e has 10 ms steps, too coarse for a 50 ms JVM start: the wall time comes from bash's
        # microsecond clock around the same call (it includes time's own fork, well under a millisecond).
        read -r e k < <(tail -1 "$W/time.txt")
        walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}')") kibs+=("$k")
    done
    SEC[$name]=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    RSS[$name]=$(printf '%s\n' "${kibs[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
}

# alternate NAME_A NAME_B RUNS: runs the commands in the arrays ALT_A and ALT_B (exit 0 expected) one run at a
# time in ABBA order (A B, B A, A B, ...), so that neither always runs first and meets the other's page cache or
# a load change alone; stores medians under NAME_A and NAME_B as measure does, and every run in RUNS_SEEN.
declare -A RUNS_SEEN
alternate() {
    local a=$1 b=$2 runs=$3 i n
    local -A walls=() kibs=()
    for ((i = 1; i <= runs; i++)); do
        for n in $( ((i % 2)) && echo "$a $b" || echo "$b $a"); do
            if [[ $n == "$a" ]]; then measure "$n" 0 1 "${ALT_A[@]}"; else measure "$n" 0 1 "${ALT_B[@]}"; fi
            walls[$n]+=" ${SEC[$n]}" kibs[$n]+=" ${RSS[$n]}"
        done
    done
    for n in "$a" "$b"; do
        RUNS_SEEN[$n]=$(printf '%.2f ' ${walls[$n]})
        SEC[$n]=$(printf '%s\n' ${walls[$n]} | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
        RSS[$n]=$(printf '%s\n' ${kibs[$n]} | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
    done
}

mib() { awk -v k="$1" 'BEGIN {printf (k < 0 ? "–" : "%.0f"), k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (a < 0 || b <= 0 ? "–" : "%.2f"), a / b}'; }
secs() { awk -v s="$1" -v l="$LIMIT" 'BEGIN {if (s < 0) printf "> %d", l; else if (s < 10) printf "%.3f", s; else printf "%.1f", s}'; }
count_files() { find "$1" -type f | wc -l; }
mbytes() { du -sb "$1" | awk '{printf "%.0f", $1 / 1048576}'; }

say "# modelcards whole-process benchmark"
say ""
say "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "- JDK: $(java -version 2>&1 | sed -n 2p)"
say "- runs: $RUNS per start-up-sized command, $HEAVY_RUNS per whole-catalog export/verify/floor (medians)"
say ""

# ---------------------------------------------------------------- generate --format tfhub vs the Python peer
# The peer is what a user would write instead: PyYAML + Jinja2 (bench/peer/render_cards.py), reading the same
# catalog YAML and writing as many cards of similar size (it is told the count modelcards wrote). Each pair
# (modelcards, then the peer, each into a fresh folder) runs back to back, so a change of the machine's load
# hits both; medians of the pairs. modelcards runs as the README's first command leaves it: through the
# launcher target/modelcards (class-data sharing archive) when the build made one, else java -jar.
PEER_SCALES=${PEER_SCALES:-1 10 100}
PEER_RUNS=(${PEER_RUNS:-5 3 2})
PY=/usr/bin/python3
"$PY" -c 'import jinja2, yaml' 2>/dev/null || { echo "run-all.sh: $PY lacks jinja2/yaml: apt-get install -y python3-jinja2 python3-yaml" >&2; exit 1; }
if [[ -x $ROOT/target/modelcards ]]; then MC_LAUNCH=("$ROOT/target/modelcards"); LAUNCH_NAME="target/modelcards (launcher)"
else MC_LAUNCH=("${MC[@]}"); LAUNCH_NAME="java -jar target/modelcards.jar"; fi
# once NAME CMD...: one timed run; appends wall seconds and peak RSS KiB to NAME's lists
declare -A WALLS KIBS
once() {
    local name=$1 t0 t1 e k code
    shift
    set +e
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$W/time.txt" "$@" > "$W/logs/$name.log" 2>&1
    code=$?
    t1=$EPOCHREALTIME
    set -e
    if [[ $code != 0 ]]; then echo "run-all.sh: '$name' exited with $code: $*" >&2; tail -20 "$W/logs/$name.log" >&2; exit 1; fi
    read -r e k < <(tail -1 "$W/time.txt")
    WALLS[$name]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}') " KIBS[$name]+="$k "
}
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
say "## \`generate --format tfhub\` against a PyYAML + Jinja2 script rendering the same cards"
say ""
say "modelcards as $LAUNCH_NAME; pairs alternated in one run, medians. Ratio = modelcards / peer (goal: ≤ 1.0 at ×1, ≤ 0.5 at ×100)."
say ""
say "| catalog | cards | pairs | modelcards s | modelcards MiB | peer s | peer MiB | ratio s | ratio memory | modelcards again, unchanged catalog s | load average before |"
say "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
pi=0
for s in $PEER_SCALES; do
    runs=${PEER_RUNS[$pi]:-${PEER_RUNS[-1]}}
    pi=$((pi + 1))
    if [[ $s == 1 ]]; then cat_dir=$ROOT/catalog
    else cat_dir=$W/peer-catalog-x$s; "${JAVA[@]}" -cp "$JAR:$ROOT/target/test-classes" dev.modelcards.hardening.SyntheticCatalog "$cat_dir" "$s" > /dev/null; fi
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    # not timed: how many cards modelcards writes for this catalog, so that the peer writes as many
    "${MC[@]}" generate --format tfhub --catalog "$cat_dir" --out "$W/peer-count" > "$W/logs/peer-count.log" 2>&1
    cards=$(find "$W/peer-count/tfhub" -type f | wc -l)
    rm -rf "$W/peer-count"
    for ((i = 1; i <= runs; i++)); do
        once "mc_x$s" "${MC_LAUNCH[@]}" generate --format tfhub --catalog "$cat_dir" --out "$W/peer-mc-$i"
        once "py_x$s" "$PY" "$ROOT/bench/peer/render_cards.py" "$cat_dir" "$W/peer-py-$i" --cards "$cards"
        # a second modelcards run on the unchanged catalog: what the render cache (.modelcards-keys) saves
        [[ $i != 1 ]] || once "mc_again_x$s" "${MC_LAUNCH[@]}" generate --format tfhub --catalog "$cat_dir" --out "$W/peer-mc-$i"
        rm -rf "$W/peer-mc-$i" "$W/peer-py-$i"
    done
    ms=$(median "${WALLS[mc_x$s]}") mk=$(median "${KIBS[mc_x$s]}") ps=$(median "${WALLS[py_x$s]}") pk=$(median "${KIBS[py_x$s]}")
    say "| ×$s | $cards | $runs | $(secs "$ms") | $(mib "$mk") | $(secs "$ps") | $(mib "$pk") | $(ratio "$ms" "$ps") | $(ratio "$mk" "$pk") | $(secs "$(median "${WALLS[mc_again_x$s]}")") | $load |"
    [[ $s == 1 ]] || rm -rf "$cat_dir"
done
say ""
say "- every pair (modelcards s / peer s): $(for s in $PEER_SCALES; do printf '×%s: %s/ %s; ' "$s" "${WALLS[mc_x$s]}" "${WALLS[py_x$s]}"; done)"
say "- load average after the comparison: $(cut -d' ' -f1-3 /proc/loadavg)"
say ""
if [[ ${ONLY:-} == peer ]]; then echo "results: $RESULTS" >&2; exit 0; fi

# ---------------------------------------------------------------- every command, bundled catalog
HANDLE=google/imagenet/mobilenet_v2_075_96/feature_vector/4
measure bare 0 "$RUNS" "${JAVA[@]}" -cp "$JAR" dev.modelcards.cli.BareJvm
measure validate 0 "$RUNS" "${MC[@]}" validate
measure list 0 "$RUNS" "${MC[@]}" list --format json
measure show 0 "$RUNS" "${MC[@]}" show "$HANDLE"
measure generate 0 "$RUNS" "${MC[@]}" generate --out "$W/site-@RUN@"
SITE_FILES=$(count_files "$W/site-1")
SITE_MB=$(mbytes "$W/site-1")
measure generate_rerun 0 "$RUNS" "${MC[@]}" generate --out "$W/site-1"
measure generate_check 0 "$RUNS" "${MC[@]}" generate --check --out "$W/site-1"
rm -rf "$W"/site-*
measure export 0 "$HEAVY_RUNS" "${MC[@]}" export --out "$W/models-@RUN@"
for ((i = 2; i <= HEAVY_RUNS; i++)); do rm -rf "$W/models-$i"; done
MODELS=$W/models-1
MODEL_FILES=$(ls "$MODELS"/*.onnx | wc -l)
MODEL_MB=$(mbytes "$MODELS")
# verify with cached models: fill its cache once (not timed), then time the runs that only load, alternated
# with the floor (both files just written: the page cache is warm for both).
"${MC[@]}" export --cache "$W/cache" > "$W/logs/fill-cache.log" 2>&1
ALT_A=("${JAVA[@]}" -cp "$JAR" dev.modelcards.cli.OnnxFloor "$MODELS") ALT_B=("${MC[@]}" verify --cache "$W/cache")
alternate floor verify "$HEAVY_RUNS"
rm -rf "$W/cache"

B=${SEC[bare]} F=${SEC[floor]}
row() { # label name base
    say "| $1 | $(secs "${SEC[$2]}") | $(ratio "${SEC[$2]}" "$3") | $(mib "${RSS[$2]}") |"
}
say "## Every command, bundled catalog ($(java -jar "$JAR" validate 2>/dev/null | sed 's/^ok: //'))"
say ""
say "| command | seconds | ratio | peak RSS MiB |"
say "| --- | ---: | ---: | ---: |"
row "bare JVM: prints one line and exits (\`BareJvm\`)" bare "$B"
row "\`validate\`" validate "$B"
row "\`list --format json\`" list "$B"
row "\`show $HANDLE\`" show "$B"
row "\`generate\` into a fresh folder ($SITE_FILES files, $SITE_MB MiB)" generate "$B"
row "\`generate\` again, nothing to change" generate_rerun "$B"
row "\`generate --check\`" generate_check "$B"
row "onnxruntime floor: open + run each of the $MODEL_FILES files (\`OnnxFloor\`)" floor "$F"
row "\`export\` of the whole catalog into a fresh folder ($MODEL_FILES files, $MODEL_MB MiB), ratio to the floor" export "$F"
row "\`verify\` of the whole catalog, cached models, ratio to the floor" verify "$F"
say ""
say "Ratios: to the bare JVM (first row) for the first group, to the onnxruntime floor for export and verify."
say "Floor and verify ran alternately (ABBA), each run (s): floor ${RUNS_SEEN[floor]}; verify ${RUNS_SEEN[verify]}."
say ""

# ---------------------------------------------------------------- scaling: validate, list, generate
say "## Growth with catalog size (synthetic catalogs, whole processes; validate and list $RUNS runs, generate $GEN_RUNS; medians)"
say ""
say "| catalog | variants | cards written (files) | validate s | validate MiB | list json s | list MiB | generate s | generate MiB | validate ms per 1 000 more variants | list ms per 1 000 more variants | generate ms per 1 000 more files |"
say "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
# The last three columns are marginal costs against the previous row: (c_row - c_prev) / (n_row - n_prev).
# Flat columns mean linear growth, whatever the fixed cost of starting the JVM and loading classes.
prev_v="" prev_f=""
marg() { awk -v a="$1" -v b="$2" -v m="$3" -v n="$4" 'BEGIN {printf (m == "" || a < 0 || b < 0 || n + 0 <= m + 0 ? "–" : "%.0f"), (b - a) * 1e6 / (n - m)}'; }
CP="$JAR:$ROOT/target/test-classes"
declare -A GEN_FILES
for s in $SCALES; do
    cat_dir=$W/catalog-x$s
    variants=$("${JAVA[@]}" -cp "$CP" dev.modelcards.hardening.SyntheticCatalog "$cat_dir" "$s")
    measure "validate_x$s" 0 "$RUNS" "${MC[@]}" validate --catalog "$cat_dir"
    measure "list_x$s" 0 "$RUNS" "${MC[@]}" list --format json --catalog "$cat_dir"
    measure "generate_x$s" 0,124 "$GEN_RUNS" timeout "$LIMIT" "${MC[@]}" generate --catalog "$cat_dir" --out "$W/site-x$s-@RUN@"
    for ((i = 2; i <= GEN_RUNS; i++)); do rm -rf "$W/site-x$s-$i"; done
    [[ ! -d $W/site-x$s-1 ]] || mv "$W/site-x$s-1" "$W/site-x$s"
    files=$( [[ ${SEC[generate_x$s]} == -1 ]] && echo "–" || count_files "$W/site-x$s")
    GEN_FILES[$s]=$files
    p=${prev_s:-}
    say "| ×$s | $variants | $files | $(secs "${SEC[validate_x$s]}") | $(mib "${RSS[validate_x$s]}") | $(secs "${SEC[list_x$s]}") | $(mib "${RSS[list_x$s]}") | $(secs "${SEC[generate_x$s]}") | $(mib "${RSS[generate_x$s]}") | $(marg "${SEC[validate_x$p]:-}" "${SEC[validate_x$s]}" "$prev_v" "$variants") | $(marg "${SEC[list_x$p]:-}" "${SEC[list_x$s]}" "$prev_v" "$variants") | $(marg "${SEC[generate_x$p]:-}" "${SEC[generate_x$s]}" "$prev_f" "$files") |"
    prev_s=$s prev_v=$variants prev_f=$files
    rm -rf "$W/site-x$s"
    [[ $s == 10 && $EXPORT_X10 == 1 ]] || rm -rf "$cat_dir"
done
say ""
first=$(echo "$SCALES" | awk '{print $1}')
last=$(echo "$SCALES" | awk '{print $NF}')
for cmd in validate list generate; do
    # (c_last - c_first) / (last - first): the cost of one more ×1 of catalog, from the two ends of the run.
    say "- $cmd: $(awk -v a="${SEC[${cmd}_x$first]}" -v b="${SEC[${cmd}_x$last]}" -v x="$first" -v y="$last" \
        'BEGIN {if (a < 0 || b < 0) print "the largest size did not finish"; else printf "%.3f s per extra ×1 of catalog (×%s → ×%s); whole-process ×%s / ×%s = %.1f", (b - a) / (y - x), x, y, y, x, b / a}')"
done
say ""

# ---------------------------------------------------------------- scaling: export, verify, floor
say "## Export and verify on growing subsets (whole processes, $HEAVY_RUNS runs each; the \"all\" row is the first table's)"
say ""
say "| subset | files | MiB | export s | export MiB RSS | verify s | verify MiB RSS | floor s | floor MiB RSS | export / floor | verify / floor | verify ms per file |"
say "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
subset_row() { # label tag files mib
    local t=$2
    say "| $1 | $3 | $4 | $(secs "${SEC[export$t]}") | $(mib "${RSS[export$t]}") | $(secs "${SEC[verify$t]}") | $(mib "${RSS[verify$t]}") | $(secs "${SEC[floor$t]}") | $(mib "${RSS[floor$t]}") | $(ratio "${SEC[export$t]}" "${SEC[floor$t]}") | $(ratio "${SEC[verify$t]}" "${SEC[floor$t]}") | $(awk -v s="${SEC[verify$t]}" -v n="$3" 'BEGIN {printf "%.0f", s * 1000 / n}') |"
}
declare -A NFILES
"${MC[@]}" list --format json | jq -r '.[].handle' | sort > "$W/handles.txt"
for part in 4 2; do
    mapfile -t handles < <(awk -v k="$part" 'NR % k == 1' "$W/handles.txt")
    dir=$W/models-1of$part
    measure "export_1of$part" 0 "$HEAVY_RUNS" "${MC[@]}" export --out "$dir-@RUN@" "${handles[@]}"
    for ((i = 2; i <= HEAVY_RUNS; i++)); do rm -rf "$dir-$i"; done
    mv "$dir-1" "$dir"
    measure "verify_1of$part" 0 "$HEAVY_RUNS" "${MC[@]}" verify --models "$dir" "${handles[@]}"
    measure "floor_1of$part" 0 "$HEAVY_RUNS" "${JAVA[@]}" -cp "$JAR" dev.modelcards.cli.OnnxFloor "$dir"
    NFILES[_1of$part]=$(ls "$dir"/*.onnx | wc -l)
    subset_row "1 variant in $part (1/$part)" "_1of$part" "${NFILES[_1of$part]}" "$(mbytes "$dir")"
    rm -rf "$dir"
done
subset_row "all" "" "$MODEL_FILES" "$MODEL_MB"
# The marginal cost per file, from 1/4 to all: what one more file costs once the JVM and onnxruntime are up.
marginal() { awk -v a="${SEC[${1}_1of4]}" -v b="${SEC[$1]}" -v n="$(( MODEL_FILES - NFILES[_1of4] ))" 'BEGIN {printf "%.0f", (b - a) * 1000 / n}'; }
MARGINAL_LINE="- one more file, from 1/4 to all: export $(marginal export) ms, verify $(marginal verify) ms, floor $(marginal floor) ms; verify / floor $(awk -v v="$(marginal verify)" -v f="$(marginal floor)" 'BEGIN {printf (f > 0 ? "%.2f" : "–"), v / f}')"
if [[ $EXPORT_X10 == 1 && -d $W/catalog-x10 ]]; then
    dir=$W/models-x10
    # The synthetic metrics are made up, so verify reports mismatches (exit 1): the timing is what counts here.
    measure export_x10 0 1 "${MC[@]}" export --catalog "$W/catalog-x10" --out "$dir"
    measure verify_x10 0,1 1 "${MC[@]}" verify --catalog "$W/catalog-x10" --models "$dir"
    measure floor_x10 0 1 "${JAVA[@]}" -cp "$JAR" dev.modelcards.cli.OnnxFloor "$dir"
    subset_row "×10 synthetic catalog (smaller multipliers 0.25–0.38)" _x10 "$(ls "$dir"/*.onnx | wc -l)" "$(mbytes "$dir")"
    rm -rf "$dir" "$W/catalog-x10"
fi
say ""
say "$MARGINAL_LINE"
say "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$MODELS" "$W/tmp"
echo "results: $RESULTS" >&2
