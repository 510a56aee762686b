"""The rules' candidates for each batch of written training stories before anyone read the batch.

    python scripts/save_unread_candidates.py [--out tests/data/written/unread.jsonl]

Each batch of written training stories (``tests/data/written``) was added by one commit; the
parent of that commit holds the rules as they were before anyone read those stories. For each
batch this checks out that parent (``git worktree``), lets its rules propose their candidates
for the batch's stories (verifier off, every sentence parsed; today's story texts) and writes
them all, as the extractor writes events, to ``--out``. ``make train`` calibrates the verifier
on them: they are what the rules give on text nobody has read, the text a user brings.
Deterministic; no downloads; needs the git history (run once, the file is committed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# the commits that added written training stories (tests/data/written/articles.jsonl)
BATCH_COMMITS = ("d2ee858", "73c0dc8", "822a74c", "447f967", "1afcd7a", "f4e78b8")

# run inside the old checkout: its rules' raw candidates for the given stories, as JSON lines
RAW_CANDIDATES = """
import dataclasses, json, sys
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.training import _article
wanted = set(sys.argv[2].split(","))
raws = [json.loads(x) for x in open(sys.argv[1], encoding="utf-8") if x.strip()]
extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
for raw in raws:
    if str(raw["id"]) not in wanted:
        continue
    try:
        found = extractor.extract_one(_article(raw, str(raw["id"])))
    except Exception as exc:  # an old rule's crash: that story is left out
        print("left out", raw["id"], exc, file=sys.stderr)
        continue
    for event in found.events:
        print(json.dumps(event.to_dict()))
"""


def story_ids(commit: str) -> set[str]:
    """The written stories ``commit`` added."""

    def ids(rev: str) -> set[str]:
        text = subprocess.run(
            ["git", "show", f"{rev}:tests/data/written/articles.jsonl"],
            cwd=REPO, capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        return {str(json.loads(line)["id"]) for line in text.splitlines() if line.strip()}

    return ids(commit) - ids(f"{commit}^")


def naive_events(commit: str, workdir: Path) -> Path:
    """The raw candidates of the parent of ``commit`` for the stories ``commit`` added."""
    tree, out = workdir / f"tree_{commit}", workdir / f"raw_{commit}.jsonl"
    subprocess.run(["git", "worktree", "add", "--detach", "-f", str(tree), f"{commit}^"],
                   cwd=REPO, check=True, capture_output=True)  # fmt: skip
    try:
        with out.open("w", encoding="utf-8") as sink:
            subprocess.run(
                [sys.executable, "-c", RAW_CANDIDATES,
                 str(REPO / "tests" / "data" / "written" / "articles.jsonl"),
                 ",".join(sorted(story_ids(commit)))],
                cwd=tree, env={**os.environ, "PYTHONPATH": str(tree / "src")},
                stdout=sink, check=True,
            )  # fmt: skip
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, check=False)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path,
                        default=REPO / "tests" / "data" / "written" / "unread.jsonl")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for commit in BATCH_COMMITS:
            text = naive_events(commit, Path(tmp)).read_text(encoding="utf-8")
            lines += [line for line in text.splitlines() if line.strip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stories = {json.loads(line)["doc_id"] for line in lines}
    print(f"{args.out}: {len(lines)} candidates of {len(stories)} stories")


if __name__ == "__main__":
    main()
