"""Average two exported stance models of the same network, weight by weight (a "model soup").

Both models must be fine-tunes of one encoder with the same labels, e.g. a stage and the stage
trained from it. The result is a model between them: `--weight W` takes W of the second and 1 - W
of the first. Layers are stored back as float16 and the classifier as float32, as train.py exports
them. The manifest is the second model's, with the new checksum and version and both parents
recorded under `training.averaged`.

    python3 scripts/train-stance/average.py --first DIR_A --second DIR_B --weight 0.5 --out DIR
"""

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--first", type=Path, required=True, help="a model directory (manifest.json, model.safetensors)")
    parser.add_argument("--second", type=Path, required=True, help="a model directory of the same network")
    parser.add_argument("--weight", type=float, required=True, help="the share of the second model, 0 to 1")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not 0 <= args.weight <= 1:
        raise SystemExit(f"--weight {args.weight}: give the second model's share between 0 and 1")
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (args.first, args.second)]
    for key in ("labels", "wordEmbeddingsFrom", "input"):
        if manifests[0][key] != manifests[1][key]:
            raise SystemExit(f"the two models differ in {key}: they are not the same network")
    first, second = load_file(str(args.first / "model.safetensors")), load_file(str(args.second / "model.safetensors"))
    if set(first) != set(second) or any(first[k].shape != second[k].shape for k in first):
        raise SystemExit("the two weight files hold different tensors: they are not the same network")
    averaged = {}
    for name in sorted(first):
        mixed = (1 - args.weight) * first[name].astype(np.float64) + args.weight * second[name].astype(np.float64)
        averaged[name] = mixed.astype(second[name].dtype)
    args.out.mkdir(parents=True, exist_ok=True)
    weights_path = args.out / "model.safetensors"
    save_file(averaged, str(weights_path))
    digest = hashlib.sha256(weights_path.read_bytes()).hexdigest()
    manifest = dict(manifests[1])
    manifest["sha256"] = digest
    manifest["version"] = f"stance-ce-{digest[:12]}"
    manifest["training"] = {
        "averaged": {
            "first": {"version": manifests[0]["version"], "share": round(1 - args.weight, 4)},
            "second": {"version": manifests[1]["version"], "share": round(args.weight, 4)},
        },
        "first": manifests[0]["training"],
        "second": manifests[1]["training"],
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"wrote {manifest['version']} to {args.out} ({args.weight} of {manifests[1]['version']}, "
          f"{round(1 - args.weight, 4)} of {manifests[0]['version']})")


if __name__ == "__main__":
    main()
