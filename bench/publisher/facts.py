#!/usr/bin/env python3
"""Facts about the publisher's MobileNet V1/V2 cards on tfhub.dev, from a bare git clone.

Writes facts only (dates, commits, paths, SHA-256 hashes, tag ids and display names): never the
publisher's card text or code.

    bench/publisher/facts.py GIT_DIR            # writes the history TSV
    bench/publisher/facts.py GIT_DIR --check    # re-derives it and checks the file on disk
    bench/publisher/facts.py GIT_DIR --tags     # also writes catalog/tfhub_tags.yaml (checked by --check)

GIT_DIR is a clone of https://github.com/tensorflow/tfhub.dev (bare is fine), e.g.
/work/.mirror/tensorflow+tfhub.dev/repo. Python 3 standard library only.

History TSV: for every author date D (date part of `%ad --date=iso-strict`, i.e. in the commit's own
timezone) on which a commit changed a card assets/docs/google/models/imagenet/mobilenet_v{1,2}_MMM_RES/**.md,
the state of all those cards after the last such commit of that day, written as the changes since the
previous date: `date TAB commit TAB op TAB path TAB sha256`, op A/M/D (D has sha256 `-`), path relative to
assets/docs/google/models/imagenet/, sorted by date then path; a `#` note line per date names the commits.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys

FINAL_COMMIT = "81fdea8f"
SOURCE_REPO = "https://github.com/tensorflow/tfhub.dev"
CARD_DIR = "assets/docs/google/models/imagenet/"
# Pathspecs given to git log (what "changed these files" means) ...
PATHSPECS = [CARD_DIR + "mobilenet_v1_*", CARD_DIR + "mobilenet_v2_*"]
# ... and the exact card files, relative to CARD_DIR.
CARD_RE = re.compile(r"mobilenet_v[12]_\d{3}_\d+/.+\.md")

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(PROJECT, "src/test/resources/dev/modelcards/publisher/tfhub-history.tsv")
DEFAULT_TAGS_OUT = os.path.join(PROJECT, "catalog/tfhub_tags.yaml")

# The publisher's tag configs (tools/yaml_parser.py TAG_TO_YAML_MAP), metadata key -> file.
TAG_FILES = collections.OrderedDict([
    ("dataset", "tags/dataset.yaml"),
    ("network-architecture", "tags/network_architecture.yaml"),
    ("task", "tags/task.yaml"),
    ("language", "tags/language.yaml"),
    ("license", "tags/license.yaml"),
    ("interactive-visualizer", "tags/interactive_visualizer.yaml"),
    ("colab", "tags/colab.yaml"),
    ("demo", "tags/demo.yaml"),
])


class Git:
    def __init__(self, git_dir):
        self.git_dir = git_dir
        self._sha256_by_blob = {}

    def run(self, *args):
        out = subprocess.run(["git", "--git-dir", self.git_dir, *args], check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return out.stdout.decode("utf-8")

    def rev(self, rev):
        return self.run("rev-parse", "--verify", rev + "^{commit}").strip()

    def show(self, commit, path):
        return self.run("show", f"{commit}:{path}")

    def cards(self, commit):
        """{path relative to CARD_DIR: blob id} of the MobileNet V1/V2 cards in `commit`."""
        out = self.run("ls-tree", "-r", "-z", commit, "--", CARD_DIR)
        cards = {}
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            _mode, kind, blob = meta.split()
            rel = path[len(CARD_DIR):]
            if kind == "blob" and CARD_RE.fullmatch(rel):
                cards[rel] = blob
        return cards

    def sha256(self, blobs):
        """SHA-256 hex of each blob's content, by blob id (one cat-file process for all)."""
        todo = sorted(set(blobs) - set(self._sha256_by_blob))
        if todo:
            proc = subprocess.run(["git", "--git-dir", self.git_dir, "cat-file", "--batch"],
                                  input="".join(b + "\n" for b in todo).encode(), check=True,
                                  stdout=subprocess.PIPE)
            data, pos = proc.stdout, 0
            for blob in todo:
                eol = data.index(b"\n", pos)
                oid, kind, size = data[pos:eol].decode().split()
                if oid != blob or kind != "blob":
                    raise SystemExit(f"cat-file: expected blob {blob}, got {oid} {kind}")
                start = eol + 1
                self._sha256_by_blob[blob] = hashlib.sha256(data[start:start + int(size)]).hexdigest()
                pos = start + int(size) + 1
        return {b: self._sha256_by_blob[b] for b in blobs}

    def hashed_cards(self, commit):
        cards = self.cards(commit)
        sha = self.sha256(cards.values())
        return {path: sha[blob] for path, blob in cards.items()}


def commits_by_date(git, final):
    """[(date, [(commit, iso_date, subject), ...oldest first])...] oldest date first."""
    out = git.run("log", "--reverse", "--format=%H%x09%ad%x09%s", "--date=iso-strict", final,
                  "--", *PATHSPECS)
    days = collections.OrderedDict()
    last_date = ""
    for line in out.splitlines():
        commit, iso, subject = line.split("\t", 2)
        date = iso[:10]
        if date < last_date:
            raise SystemExit(f"author dates are not in history order at {commit} ({iso}); "
                             "'state at the end of the day' would be ambiguous")
        last_date = date
        days.setdefault(date, []).append((commit, iso, subject))
    return list(days.items())


def derive(git, final):
    """(header lines, rows) of the history TSV."""
    rows, notes = [], {}
    previous = {}
    for date, commits in commits_by_date(git, final):
        last = commits[-1][0]
        state = git.hashed_cards(last)
        changes = []
        for path in sorted(set(previous) | set(state)):
            old, new = previous.get(path), state.get(path)
            if old == new:
                continue
            op = "A" if old is None else "D" if new is None else "M"
            changes.append((date, last, op, path, new or "-"))
        if not changes:
            raise SystemExit(f"{date}: commits {[c[0][:8] for c in commits]} touch the pathspecs "
                             "but change no card file")
        rows.extend(changes)
        notes[date] = "; ".join(f"{c[0][:8]} {c[1]} {c[2]}" for c in commits)
        previous = state
    return rows, notes


def render(final, rows, notes, final_count):
    lines = [
        "# Publisher history of the MobileNet V1/V2 model cards on tfhub.dev: facts only (SHA-256 of each",
        f"# card file), never the cards' text. Source: {SOURCE_REPO}, files",
        f"# {CARD_DIR}mobilenet_v{{1,2}}_<mmm>_<res>/**.md, history of commit {final}",
        f"# ({final_count} card files there). Written by bench/publisher/facts.py; check with its --check.",
        "# Columns: date<TAB>commit<TAB>op<TAB>path<TAB>sha256. date = author date of the commits that changed",
        "# the cards, in the commit's own timezone (YYYY-MM-DD of `git log --date=iso-strict`); commit = the",
        "# last of them that day, whose tree is the state recorded; op = A added, M modified, D deleted (sha256",
        "# `-`) since the previous date; path relative to " + CARD_DIR + "; sha256 = hex SHA-256",
        "# of the file's bytes. Replaying all dates in order gives the cards of the final commit. One '# date:'",
        "# note per date lists that day's commits (short hash, author date, subject).",
    ]
    by_date = collections.OrderedDict()
    for row in rows:
        by_date.setdefault(row[0], []).append(row)
    for date, day_rows in by_date.items():
        lines.append(f"# {date}: {notes[date]}")
        lines.extend("\t".join(r) for r in day_rows)
    return "\n".join(lines) + "\n"


def replay(text):
    """Parses a history TSV: ({path: sha256} after the last date, [problems])."""
    state, problems, last_key = {}, [], ("", "")
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            problems.append(f"line {n}: expected 5 tab-separated fields")
            continue
        date, commit, op, path, sha = fields
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or not re.fullmatch(r"[0-9a-f]{40}", commit):
            problems.append(f"line {n}: bad date or commit")
        if (date, path) <= last_key:
            problems.append(f"line {n}: not sorted by date then path (or duplicate)")
        last_key = (date, path)
        if not CARD_RE.fullmatch(path):
            problems.append(f"line {n}: path {path} is not a MobileNet card")
        if op == "A" and path not in state or op == "M" and path in state and state[path] != sha:
            if not re.fullmatch(r"[0-9a-f]{64}", sha):
                problems.append(f"line {n}: bad sha256")
            state[path] = sha
        elif op == "D" and path in state and sha == "-":
            del state[path]
        else:
            problems.append(f"line {n}: op {op} inconsistent with the replayed state")
    return state, problems


# --- tag vocabulary -------------------------------------------------------------------------------

def _scalar(raw):
    """Value of a one-line YAML scalar as the publisher's tag files write them (plain or quoted)."""
    raw = raw.strip()
    if raw[:1] in ("'", '"'):
        quote = raw[0]
        end = raw.index(quote, 1)
        return raw[1:end]
    return re.sub(r"\s+#.*$", "", raw).strip()


def parse_tag_file(text):
    """Stdlib-only reading of a publisher tags/*.yaml file: ('values', [{id, display_name?}]) for
    enumerable tags, ('url', {format, required_domain?}) for URL-rule tags. Cross-checked against
    PyYAML by --check when PyYAML is importable."""
    top = {}
    items = []
    in_values = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"([A-Za-z_]+):\s*(.*)$", line)
        if m:  # top-level key
            in_values = m.group(1) == "values"
            if not in_values:
                top[m.group(1)] = _scalar(m.group(2))
            continue
        if not in_values:
            continue
        m = re.match(r"  - (id):\s*(.*)$", line)
        if m:
            items.append({"id": _scalar(m.group(2))})
            continue
        m = re.match(r"    (display_name):\s*(.*)$", line)
        if m:
            items[-1]["display_name"] = _scalar(m.group(2))
    if items:
        return "values", items
    return "url", top


_YAML_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def _yaml_str(s):
    plain = (re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ._()/+,=-]*", s) and not s.endswith(" ")
             and s.lower() not in _YAML_RESERVED
             and not re.fullmatch(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0[xob].*|\.(inf|nan)", s.lower()))
    return s if plain else json.dumps(s, ensure_ascii=False)


def derive_tags(git, final):
    parsed = collections.OrderedDict()
    for key, path in TAG_FILES.items():
        parsed[key] = parse_tag_file(git.show(final, path))
    return parsed


def render_tags(final, parsed):
    out = [
        "# The tfhub.dev tag vocabulary: which values the publisher's validator accepts in a card's",
        "# `<!-- key: value -->` metadata lines. Facts (ids, display names, URL rules) copied from",
        f"# {SOURCE_REPO} at commit {final}, files",
        "# " + ", ".join(sorted(set(TAG_FILES.values()))[:4]) + ",",
        "# " + ", ".join(sorted(set(TAG_FILES.values()))[4:]) + ";",
        "# the metadata key -> file mapping is tools/yaml_parser.py TAG_TO_YAML_MAP. `modelcards validate`",
        "# checks card metadata against it. Written by bench/publisher/facts.py --tags (do not edit by hand).",
        "#",
        "# Top-level keys are metadata keys as cards write them. Enumerable tags (EnumerableYamlParser) are",
        "# a list of {id, display_name}: a card value must equal an id. interactive-visualizer entries",
        "# have an id and a url_template but no display_name. colab and demo are not lists but URL rules",
        "# (UrlYamlParser): any https URL, for colab only on the given domain.",
        "# Keys the validator checks without a tags file (format, asset-path, fine-tunable, parent-model)",
        "# are described in bench/publisher/VALIDATOR-RULES.md.",
    ]
    for key, (kind, data) in parsed.items():
        out.append("")
        if kind == "values":
            out.append(f"# {len(data)} values, from {TAG_FILES[key]}")
            out.append(f"{key}:")
            for item in data:
                out.append(f"  - id: {_yaml_str(item['id'])}")
                if "display_name" in item:
                    out.append(f"    display_name: {_yaml_str(item['display_name'])}")
        else:
            out.append(f"# URL rule, from {TAG_FILES[key]}; the value must be an https URL"
                       + (" on required_domain" if "required_domain" in data else ""))
            out.append(f"{key}:")
            for k, v in data.items():
                out.append(f"  {k}: {_yaml_str(v)}")
    return "\n".join(out) + "\n"


def cross_check_tags(git, final, parsed):
    """Compares the stdlib reading with PyYAML's (if available)."""
    try:
        import yaml  # pylint: disable=import-outside-toplevel
    except ImportError:
        return ["(PyYAML not importable: stdlib tag parsing not cross-checked)"], True
    problems = []
    for key, (kind, data) in parsed.items():
        full = yaml.safe_load(git.show(final, TAG_FILES[key]))
        if kind == "values":
            expect = [{k: str(v) for k, v in item.items() if k in ("id", "display_name")}
                      for item in full["values"]]
        else:
            expect = {k: str(v) for k, v in full.items()}
        if expect != data:
            problems.append(f"{TAG_FILES[key]}: stdlib parse differs from PyYAML")
    return problems, False


# --- main -----------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("git_dir", help="clone (bare is fine) of tensorflow/tfhub.dev")
    ap.add_argument("--out", default=DEFAULT_OUT, help="history TSV (default: %(default)s)")
    ap.add_argument("--final", default=FINAL_COMMIT, help="final commit (default: %(default)s)")
    ap.add_argument("--tags", nargs="?", const=DEFAULT_TAGS_OUT, default=None, metavar="YAML",
                    help=f"also write the tag vocabulary (default path: {DEFAULT_TAGS_OUT})")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; check the TSV (and tag YAML) on disk against the git dir")
    args = ap.parse_args()

    git = Git(args.git_dir)
    final = git.rev(args.final)
    rows, notes = derive(git, final)
    final_cards = git.hashed_cards(final)
    tsv = render(final, rows, notes, len(final_cards))
    tags_path = args.tags if args.tags else (DEFAULT_TAGS_OUT if args.check else None)
    tags_text = render_tags(final, derive_tags(git, final)) if tags_path else None

    if not args.check:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(tsv)
        print(f"wrote {args.out}: {len(rows)} rows, {len(notes)} dates, {len(final_cards)} cards at {final[:8]}")
        if tags_text:
            with open(tags_path, "w", encoding="utf-8", newline="\n") as f:
                f.write(tags_text)
            print(f"wrote {tags_path}")
        return 0

    failures = []
    with open(args.out, encoding="utf-8") as f:
        on_disk = f.read()
    if on_disk != tsv:
        failures.append(f"{args.out} differs from what {final[:8]} gives (re-run without --check)")
    state, problems = replay(on_disk)
    failures.extend(problems[:20])
    if state != final_cards:
        missing = sorted(set(final_cards) - set(state))
        extra = sorted(set(state) - set(final_cards))
        wrong = sorted(p for p in set(state) & set(final_cards) if state[p] != final_cards[p])
        failures.append(f"replay != {final[:8]}: {len(missing)} missing, {len(extra)} extra, "
                        f"{len(wrong)} with other hashes, e.g. {(missing + extra + wrong)[:3]}")
    # Continuity: no commit outside the recorded ones changed the cards between two dates.
    days = commits_by_date(git, final)
    for (_d0, c0), (d1, c1) in zip(days, days[1:]):
        if git.cards(c0[-1][0]) != git.cards(c1[0][0] + "^"):
            failures.append(f"{d1}: cards at {c1[0][0][:8]}^ differ from the previous date's state")
    if git.cards(days[-1][1][-1][0]) != git.cards(final):
        failures.append(f"cards at {final[:8]} differ from the last recorded date")
    dates = [d for d, _ in days]
    print(f"history: {len(rows)} rows, {len(dates)} dates {dates[0]}..{dates[-1]}, "
          f"{sum(len(c) for _, c in days)} commits; replay gives {len(state)} cards, "
          f"{final[:8]} has {len(final_cards)}: {'identical' if state == final_cards else 'DIFFERENT'}")
    if tags_text is not None:
        if not os.path.exists(tags_path):
            failures.append(f"{tags_path} missing")
        else:
            with open(tags_path, encoding="utf-8") as f:
                if f.read() != tags_text:
                    failures.append(f"{tags_path} differs from the tags of {final[:8]}")
        problems, skipped = cross_check_tags(git, final, derive_tags(git, final))
        failures.extend(p for p in problems if not skipped)
        print("tags: " + (problems[0] if skipped else
                          f"{tags_path} matches; stdlib reading agrees with PyYAML"
                          if not problems else "PROBLEMS"))
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    print("check: " + ("ok" if not failures else f"{len(failures)} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
