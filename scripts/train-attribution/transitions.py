"""Write how often each attribution label follows each other in the tagger's training articles into
its manifest (`transitions`, previous-major, in `labels` order). The Swift runtime reads an article's
words as one sequence with them (Viterbi) instead of each word's likeliest label alone. train.py
writes the same table when it exports; this adds it to a model already trained, without PyTorch.

    python3 scripts/train-attribution/transitions.py --data ../shared/data/quotes \\
        --model Sources/CrosscheckModels/Models/attribution
"""

import argparse
import importlib.util
import json
from pathlib import Path

_spec = importlib.util.spec_from_file_location("attribution_wordlabels", Path(__file__).resolve().parent / "wordlabels.py")
_labels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_labels)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True, help="shared/data/quotes")
    parser.add_argument("--model", type=Path, required=True, help="the tagger's directory (its manifest.json is rewritten)")
    parser.add_argument("--weight", type=float, default=_labels.TRANSITION_WEIGHT, help="the bigrams' weight against the tagger's word scores")
    args = parser.parse_args()
    manifest_path = args.model / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    if manifest["labels"] != _labels.LABELS:
        raise SystemExit(f"{manifest_path} has labels {manifest['labels']}, not {_labels.LABELS}: not an attribution tagger")
    articles = [json.loads(line) for line in (args.data / "dev.jsonl").open()]
    training = [a for a in articles if not _labels.held_aside(a["id"])]
    manifest["transitions"] = _labels.label_transitions(training)
    manifest["transitionWeight"] = args.weight
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"counted label bigrams over {len(training)} training articles into {manifest_path}")


if __name__ == "__main__":
    main()
