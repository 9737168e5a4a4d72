#!/usr/bin/python3
"""The Python peer of `modelcards generate --format tfhub`: what a user would write instead.

A short PyYAML + Jinja2 script (Debian's python3-yaml and python3-jinja2, run with /usr/bin/python3):
it reads the catalog's YAML files, expands every family's variant matrix (multipliers x resolutions) x
head x published version, renders one markdown card per model from one Jinja2 template (card.md.j2,
similar in size and structure to the real cards: metadata block, overview, usage, fine-tuning,
changelog) and writes the cards plus an index into OUT, rewriting only files whose bytes changed.

    /usr/bin/python3 bench/peer/render_cards.py CATALOG_DIR OUT_DIR [--cards N]

--cards N renders exactly N cards (cycling through the models with a numbered suffix if the catalog has
fewer), so that it writes as many cards as modelcards does for the same catalog. No validation, no
history, no as-of: it is the floor a templating script sets, not a re-implementation.
"""
import argparse
import os
import sys

import jinja2
import yaml


def load(catalog_dir):
    docs = {}
    for name in sorted(os.listdir(catalog_dir)):
        if name.endswith(".yaml"):
            with open(os.path.join(catalog_dir, name), encoding="utf-8") as f:
                docs[name] = yaml.safe_load(f)
    return docs


def models(docs):
    root = docs["catalog.yaml"]
    heads = [h for h in root.get("heads", {}) if h in ("classification", "feature_vector")]
    out = []
    for name, fam in docs.items():
        if not isinstance(fam, dict) or "variants" not in fam:
            continue
        widths = {float(k): v for k, v in (fam.get("feature_widths") or {}).items()}
        versions = [v for v in fam.get("versions", []) if isinstance(v, dict) and "version" in v]
        family = fam.get("family", name[:-5])
        for block in fam["variants"]:
            for m in block["multipliers"]:
                for r in block["resolutions"]:
                    mult = "%03d" % round(float(m) * 100)
                    for head in heads:
                        for i, v in enumerate(versions):
                            out.append({
                                "handle": "google/imagenet/%s_%s_%d/%s/%d" % (family, mult, r, head, v["version"]),
                                "family": family, "name": fam.get("name", family), "multiplier": m,
                                "resolution": r, "head": head, "version": v["version"],
                                "width": widths.get(float(m), 1280), "fine_tunable": v.get("fine_tunable", True),
                                "format": v.get("format", "saved_model_2"), "history": versions[: i + 1],
                                "paper": fam.get("paper", {}), "implementation": fam.get("implementation", ""),
                                "dataset": root.get("dataset", {}),
                            })
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("out")
    ap.add_argument("--cards", type=int, default=0)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(here), keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("card.md.j2")
    all_models = models(load(a.catalog))
    n = a.cards or len(all_models)
    written = unchanged = 0
    index = []
    for i in range(n):
        m = all_models[i % len(all_models)]
        handle = m["handle"] if i < len(all_models) else "%s-%d" % (m["handle"], i // len(all_models))
        text = template.render(m=m, handle=handle).encode("utf-8")
        path = os.path.join(a.out, "tfhub", handle + ".md")
        index.append("- [%s](tfhub/%s.md)\n" % (handle, handle))
        try:
            with open(path, "rb") as f:
                same = f.read() == text
        except OSError:
            same = False
        if same:
            unchanged += 1
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(text)
        os.replace(tmp, path)
        written += 1
    with open(os.path.join(a.out, "index.md"), "w", encoding="utf-8") as f:
        f.write("# Models\n\n" + "".join(index))
    print("wrote %d cards, %d unchanged in %s" % (written, unchanged, a.out))


if __name__ == "__main__":
    sys.exit(main())
