#!/usr/bin/env bash
# Runs the publisher's own markdown validator (tensorflow/tfhub.dev tools/validator.py) offline on a
# tree of cards laid out like our generated site/tfhub/ (TREE/google/imagenet/mobilenet_v2_100_224/
# classification/5.md), without TensorFlow and without network.
#
#   bench/publisher/run-validator.sh TREE [TFHUB_GIT_DIR]
#   bench/publisher/run-validator.sh --extract-publisher-tree OUT [TFHUB_GIT_DIR]   # the 608 MobileNet
#       cards of the final commit, laid out like site/tfhub/, into OUT (a temp folder; never commit it)
#
# TFHUB_GIT_DIR defaults to /work/.mirror/tensorflow+tfhub.dev/repo (a bare clone is fine).
# Environment: FINAL (publisher commit, default 81fdea8f), PYTHON (default /usr/bin/python3, which needs
# python3-absl python3-attr python3-yaml python3-protobuf from apt), KEEP=1 (keep the temp root and
# print its path), ASSET_CHECK=ci|all|skip (default ci, see below).
#
# What it builds, in a temp folder: ROOT/tools and ROOT/tags from `git archive FINAL tools tags`; the
# publisher page ROOT/assets/docs/<publisher>/<publisher>.md from FINAL (the validator requires it,
# _assert_publisher_page_exists) unless TREE has one; TREE's files at the place the publisher keeps
# them: TREE/<publisher>/X -> ROOT/assets/docs/<publisher>/models/X (TREE/<publisher>/<publisher>.md and
# TREE/<publisher>/{models,collections}/... keep their path); a stand-in `tensorflow` package (only
# tf.io.gfile, tf.saved_model file-name constants and an unusable saved_model_pb2 stub); and a scratch
# git repository in ROOT whose refs/remotes/origin/master holds the publisher's version (at FINAL) of
# every TREE file that the publisher has, while the index holds TREE's version, so the validator's own
# `_is_asset_path_modified` (git diff origin/master FILE | grep '+<!-- asset-path:') answers as in the
# publisher's CI for a pull request replacing those files.
#
# Then it calls validator.validate_documentation_files(ValidationConfig(skip_asset_check=False,
# do_smoke_test=False), ROOT, [file]) once per TREE file, the configuration of the validator's main()
# when it validates the whole docs tree: file path check, description, metadata, tag values, and the
# asset-path rules (one value, .tar.gz suffix, no github.com URL) for asset-paths added or changed
# relative to the publisher. ASSET_CHECK=all applies those asset-path rules to every file;
# ASSET_CHECK=skip skips them (skip_asset_check=True). Nothing is downloaded in any mode
# (urllib.request.urlopen is replaced by a function that raises).
#
# Output: per rejected file `REJECTED <path in TREE>` and the validator's message (indented), then
# `accepted N of M files`. Exit 0 only if all M files are accepted; 2 on usage errors.
set -euo pipefail

PY=${PYTHON:-/usr/bin/python3}
FINAL=${FINAL:-81fdea8f}
ASSET_CHECK=${ASSET_CHECK:-ci}
DEFAULT_GIT_DIR=/work/.mirror/tensorflow+tfhub.dev/repo
CARDS=assets/docs/google/models/imagenet

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

if [[ ${1:-} == --extract-publisher-tree ]]; then
  [[ $# -ge 2 && $# -le 3 ]] || usage
  OUT=$2; SRC=${3:-$DEFAULT_GIT_DIR}
  mkdir -p "$OUT/google/imagenet"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  git --git-dir "$SRC" archive "$FINAL" -- "$CARDS/mobilenet_v1_*" "$CARDS/mobilenet_v2_*" | tar -x -C "$tmp"
  cp -R "$tmp/$CARDS/." "$OUT/google/imagenet/"
  echo "extracted $(find "$OUT/google/imagenet" -type f -name '*.md' | wc -l) cards of $FINAL into $OUT"
  exit 0
fi

[[ $# -ge 1 && $# -le 2 && ${1:0:1} != - ]] || usage
[[ -d $1 ]] || { echo "not a folder: $1" >&2; exit 2; }
TREE=$(cd "$1" && pwd)
SRC=${2:-$DEFAULT_GIT_DIR}
git --git-dir "$SRC" rev-parse --verify -q "$FINAL^{commit}" >/dev/null \
  || { echo "$SRC: no commit $FINAL (a clone of tensorflow/tfhub.dev?)" >&2; exit 2; }
case $ASSET_CHECK in ci|all|skip) ;; *) echo "ASSET_CHECK must be ci, all or skip" >&2; exit 2;; esac
"$PY" -c 'import absl, attr, yaml, google.protobuf' 2>/dev/null || {
  echo "$PY lacks absl/attr/yaml/protobuf: apt-get update && apt-get install -y python3-absl python3-attr python3-yaml python3-protobuf" >&2
  exit 2; }

WORK=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then echo "temp root kept: $WORK/root" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
ROOT=$WORK/root
mkdir -p "$ROOT"
git --git-dir "$SRC" archive "$FINAL" tools tags | tar -x -C "$ROOT"

# TREE file -> path under assets/docs (as the publisher keeps it); one "tree<TAB>docs" line per file.
(cd "$TREE" && find . -type f ! -path '*/.*' | sed 's#^\./##' | LC_ALL=C sort) | awk -F/ -v OFS='\t' '
  NF < 2 { print $0, "UNMAPPABLE"; next }
  {
    pub = $1; rest = substr($0, length(pub) + 2)
    if (rest == pub ".md" || rest ~ /^(models|collections)\//) docs = $0
    else docs = pub "/models/" rest
    print $0, docs
  }' > "$WORK/files.tsv"
if grep -q $'\tUNMAPPABLE$' "$WORK/files.tsv"; then
  echo "files outside a <publisher>/ folder in $TREE:" >&2; grep $'\tUNMAPPABLE$' "$WORK/files.tsv" | cut -f1 >&2; exit 2
fi
[[ -s $WORK/files.tsv ]] || { echo "no files in $TREE" >&2; exit 2; }

# Baseline (origin/master): the publisher's version at FINAL of every TREE file it has, plus the
# publisher pages of the publishers in TREE.
git init -q "$ROOT"
g() { git -C "$ROOT" -c user.name=run-validator -c user.email=run-validator@localhost -c commit.gpgsign=false "$@"; }
cut -f2 "$WORK/files.tsv" | sed 's#^#assets/docs/#' > "$WORK/wanted"
cut -f2 "$WORK/files.tsv" | cut -d/ -f1 | sort -u | sed 's#.*#assets/docs/&/&.md#' >> "$WORK/wanted"
git --git-dir "$SRC" ls-tree -r --name-only "$FINAL" -- assets/docs \
  | LC_ALL=C sort | LC_ALL=C comm -12 - <(LC_ALL=C sort -u "$WORK/wanted") > "$WORK/baseline"
if [[ -s $WORK/baseline ]]; then
  tr '\n' '\0' < "$WORK/baseline" | xargs -0 git --git-dir "$SRC" archive "$FINAL" -- | tar -x -C "$ROOT"
fi
g add -A . && g commit -q -m "publisher $FINAL: tools, tags, baseline of the validated files" && g update-ref refs/remotes/origin/master HEAD
# The tree under test replaces the publisher's cards (publisher pages stay unless TREE has its own).
"$PY" - "$TREE" "$ROOT/assets/docs" "$WORK/files.tsv" <<'EOF'
import os, shutil, sys
tree, docs, files_tsv = sys.argv[1:4]
for line in open(files_tsv, encoding="utf-8"):
    rel, target = line.rstrip("\n").split("\t")
    os.makedirs(os.path.dirname(os.path.join(docs, target)), exist_ok=True)
    shutil.copyfile(os.path.join(tree, rel), os.path.join(docs, target))
EOF
g add -A .
# The publisher's other cards are not in ROOT at all: only TREE's files are there and validated.

# Stand-in tensorflow package: exactly what validator.py and filesystem_utils.py touch offline.
S=$WORK/stub/tensorflow
mkdir -p "$S/io" "$S/core/protobuf"
cat > "$S/__init__.py" <<'EOF'
"""Stand-in for the parts of TensorFlow that tfhub.dev's markdown validator uses offline."""
from . import io, saved_model  # noqa: F401
__version__ = "0-stand-in"
EOF
cat > "$S/io/__init__.py" <<'EOF'
from . import gfile  # noqa: F401
EOF
cat > "$S/io/gfile.py" <<'EOF'
"""tf.io.gfile on the local file system. GFile text mode does no newline translation, like TF's."""
import glob as _glob
import os as _os


def glob(pattern):
    return sorted(_glob.glob(pattern))


def exists(path):
    return _os.path.exists(path)


def isdir(path):
    return _os.path.isdir(path)


def listdir(path):
    return _os.listdir(path)


def makedirs(path):
    _os.makedirs(path, exist_ok=True)


def walk(top, topdown=True, onerror=None):
    return _os.walk(top, topdown=topdown, onerror=onerror)


class GFile:
    def __init__(self, name, mode="r"):
        self._f = open(name, mode, newline="") if "b" not in mode else open(name, mode)
        self.name = name

    def size(self):
        return _os.path.getsize(self.name)

    def __getattr__(self, attr):
        return getattr(self._f, attr)

    def __iter__(self):
        return iter(self._f)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()
        return False
EOF
cat > "$S/saved_model.py" <<'EOF'
SAVED_MODEL_FILENAME_PB = "saved_model.pb"
SAVED_MODEL_FILENAME_PBTXT = "saved_model.pbtxt"
EOF
touch "$S/core/__init__.py" "$S/core/protobuf/__init__.py"
cat > "$S/core/protobuf/saved_model_pb2.py" <<'EOF'
"""Imported by validator.py, used only by the smoke test (asset download), which is off here."""


class SavedModel:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("stand-in tensorflow: no SavedModel proto (smoke tests are off)")

    @classmethod
    def FromString(cls, data):  # noqa: N802
        raise NotImplementedError("stand-in tensorflow: no SavedModel proto (smoke tests are off)")
EOF

cat > "$WORK/run.py" <<'EOF'
import ast, os, sys, urllib.request

root, stub, files_tsv, asset_check = sys.argv[1:5]
sys.path[:0] = [stub, os.path.join(root, "tools")]
from absl import logging
logging.set_verbosity(logging.ERROR)
import validator  # the publisher's tools/validator.py at FINAL


def _no_network(*args, **kwargs):
    raise RuntimeError("run-validator.sh: network access is disabled")


urllib.request.urlopen = _no_network
validator.urllib.request.urlopen = _no_network
# validate_documentation_files builds its tag parsers on every call; share them across the per-file
# calls (they only cache the values read from tags/*.yaml).
_parsers = {}
_from_tag_name = validator.yaml_parser_lib.AbstractYamlParser.from_tag_name
validator.yaml_parser_lib.AbstractYamlParser.from_tag_name = classmethod(
    lambda cls, root_dir, tag_name: _parsers.setdefault(
        (root_dir, tag_name), _from_tag_name(root_dir, tag_name)))
if asset_check == "all":
    validator._is_asset_path_modified = lambda file_path: True
config = validator.ValidationConfig(skip_asset_check=(asset_check == "skip"), do_smoke_test=False)
prefix = "Found the following errors: "

pairs = [line.rstrip("\n").split("\t") for line in open(files_tsv, encoding="utf-8")]
accepted = 0
for tree_path, docs_path in pairs:
    try:
        validator.validate_documentation_files(config, root, [docs_path])
        accepted += 1
        continue
    except validator.MarkdownDocumentationError as e:
        message = str(e)
        if message.startswith(prefix):
            message = ast.literal_eval(message[len(prefix):])[docs_path]
    except Exception as e:  # the validator itself crashes on this file (it would in CI too)
        message = f"validator crashed: {type(e).__name__}: {e}"
    print(f"REJECTED {tree_path}")
    print("\n".join("    " + line for line in message.splitlines()))
print(f"accepted {accepted} of {len(pairs)} files")
sys.exit(0 if accepted == len(pairs) else 1)
EOF

cd "$ROOT"  # the validator's git diff runs in the current directory
"$PY" "$WORK/run.py" "$ROOT" "$WORK/stub" "$WORK/files.tsv" "$ASSET_CHECK"
