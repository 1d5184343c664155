#!/usr/bin/env python3
"""Trains the stance cross-encoder: all-MiniLM-L6-v2 (the shipped sentence encoder) fine-tuned to
read "[CLS] evidence [SEP] claim [SEP]" and say whether the evidence entails the claim, contradicts
it or neither. Mean pooling over the pair's tokens, then one linear layer to the three labels.

The word embeddings stay frozen, so the exported file leaves them out and the Swift runtime takes
them from the encoder's file (its SHA-256 is recorded in the stance manifest).

Training pairs (seeded, deterministic):
- SNLI train (a seeded sample of --snli pairs),
- FEVER-RTE dev and HealthVer dev, except the claims held aside for measurement (the SHA-256 of
  the claim text decides: see `held_aside`; `crosscheck eval stance` uses the same rule),
- COVID-Fact train, SciFact train (rationale sentences; other sentences of a cited abstract as
  neutral),
- claims paired with another claim's evidence as neutral,
- contradictions made from entailed pairs by negating the claim or changing one of its numbers,
  and (SNLI only) entailments made by negating a contradicted hypothesis (see `augmented`).
SICK is non-commercial: it is measured on, never trained on.

With --other-scene-below COS, SNLI contradictions about another scene than the premise's (less
than COS alike in the encoder's meaning, and not a denial) are trained as neutral: see other_scene.

    python3 scripts/train-stance/train.py --data ../shared/data \
        --encoder Sources/CrosscheckModels/Models/encoder \
        --out Sources/CrosscheckModels/Models/stance \
        --reference Tests/CrosscheckKitTests/Resources/stance/reference.json
"""
import argparse
import csv
import hashlib
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer
from tokenizers.models import WordPiece
from tokenizers.normalizers import BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer
from tokenizers.processors import TemplateProcessing

LABELS = ["entails", "contradicts", "neutral"]
HERE = Path(__file__).resolve().parent


def held_aside(claim, share_percent):
    """True when the claim is held aside for measurement: the first byte of the SHA-256 of its
    UTF-8 text, modulo 100, is below `share_percent`."""
    return hashlib.sha256(claim.encode("utf-8")).digest()[0] % 100 < share_percent


FEVER_HELD = 20
HEALTHVER_HELD = 30


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def training_pairs(data, snli_count, rng):
    pairs = []  # (evidence, claim, label index, source)
    snli = read_jsonl(data / "nli/snli-train.jsonl")
    rng.shuffle(snli)
    mapping = {"entailment": 0, "contradiction": 1, "neutral": 2}
    for row in snli[:snli_count]:
        pairs.append((row["premise"], row["hypothesis"], mapping[row["label"]], "snli"))
    for row in read_jsonl(data / "nli/fever-rte-dev.jsonl"):
        if not held_aside(row["hypothesis"], FEVER_HELD):
            pairs.append((row["premise"], row["hypothesis"], 0 if row["label"] == "entailment" else 1, "fever"))
    health = {"Supports": 0, "Refutes": 1, "Neutral": 2}
    for row in read_jsonl(data / "nli/healthver-dev.jsonl"):
        if not held_aside(row["hypothesis"], HEALTHVER_HELD):
            pairs.append((row["premise"], row["hypothesis"], health[row["label"]], "healthver"))
    with open(data / "covid-fact/RTE-covidfact-train.tsv", encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            pairs.append((row[1], row[2], 0 if row[3] == "entailment" else 1, "covidfact"))
    corpus = {row["doc_id"]: row["abstract"] for row in read_jsonl(data / "scifact/corpus.jsonl")}
    for claim in read_jsonl(data / "scifact/claims_train.jsonl"):
        for doc in claim["cited_doc_ids"]:
            sentences = corpus.get(doc)
            if not sentences:
                continue
            rationale = set()
            for evidence in claim["evidence"].get(str(doc), []):
                label = 0 if evidence["label"] == "SUPPORT" else 1
                for index in evidence["sentences"]:
                    if index < len(sentences) and index not in rationale:
                        rationale.add(index)
                        pairs.append((sentences[index], claim["claim"], label, "scifact"))
            others = [i for i in range(len(sentences)) if i not in rationale]
            rng.shuffle(others)
            for index in others[:2]:
                pairs.append((sentences[index], claim["claim"], 2, "scifact"))
    # Off-topic evidence: a claim beside another pair's evidence.
    domain = [p for p in pairs if p[3] in ("fever", "covidfact", "healthver")]
    for _ in range(2000):
        a, b = rng.choice(domain), rng.choice(domain)
        if a[1] != b[1]:
            pairs.append((b[0], a[1], 2, "unrelated"))
    everything = list(pairs)
    for _ in range(1000):
        a, b = rng.choice(everything), rng.choice(everything)
        if a[1] != b[1] and a[3] != b[3]:
            pairs.append((b[0], a[1], 2, "unrelated"))
    pairs += augmented(pairs, rng)
    return pairs


AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should", "may",
               "might", "must", "does", "do", "did"}


def negated(claim):
    """The claim with "not" after its first auxiliary verb (or without the "not" it has there);
    None when it has no auxiliary to hang it on."""
    words = claim.split()
    for i in range(1, len(words) - 1):
        if words[i].lower() in AUXILIARIES:
            if words[i + 1].lower() in ("not", "never"):
                return " ".join(words[:i + 1] + words[i + 2:])
            return " ".join(words[:i + 1] + ["not"] + words[i + 1:])
    return None


def renumbered(claim, evidence, rng):
    """The claim with one of its numbers (also written in the evidence) changed; None without one."""
    tokens = claim.split()
    places = [i for i, t in enumerate(tokens) if t.strip(".,;%").replace(",", "").isdigit() and t.strip(".,;%") in evidence]
    if not places:
        return None
    i = rng.choice(places)
    raw = tokens[i].strip(".,;%")
    value = int(raw.replace(",", ""))
    if 1800 <= value <= 2100:
        changed = value + rng.choice([-1, 1]) * rng.randint(3, 30)
    else:
        changed = max(0, value * rng.randint(2, 5) + rng.randint(1, 9))
    tokens[i] = tokens[i].replace(raw, str(changed))
    return " ".join(tokens)


def embeddings(model, tokenizer, texts, batch_size=64):
    """The encoder's sentence vectors (mean pooled, unit length) for texts, in order."""
    model.eval()
    rows = []
    with torch.no_grad():
        for start in range(0, len(texts), batch_size):
            encoded = tokenizer.encode_batch([t.strip() for t in texts[start:start + batch_size]])
            ids, types, mask = tensors([(e.ids, e.type_ids) for e in encoded])
            m = mask[:, :, None].float()
            pooled = (model.states(ids, types, mask) * m).sum(1) / m.sum(1)
            rows.append(torch.nn.functional.normalize(pooled, dim=-1))
    return torch.cat(rows) if rows else torch.zeros((0, model.config["hidden_size"]))


NEGATIONS = {"no", "not", "nobody", "none", "nothing", "never", "neither", "nor", "nowhere", "noone"}


def denies(sentence):
    """True when the sentence has a negation word ("no", "nobody", "never", "n't", ...)."""
    words = sentence.lower().replace("n't", " not").split()
    return any(w.strip(".,;:!?") in NEGATIONS for w in words)


def other_scene(pairs, encoder_dir, config, below):
    """SNLI reads a hypothesis about another scene than the premise's as a contradiction (its
    annotators were told both describe one photograph); a fact-checker reads a passage about
    something else as saying nothing of the claim. SNLI contradictions (and the entailments
    `augmented` made from them) whose sentences are less than `below` alike in the shipped
    encoder's meaning become neutral — unless the hypothesis denies something ("Nobody is
    carrying anything"), which contradicts a scene whatever else it shares with it. Returns the
    new pairs and how many changed."""
    encoder = CrossEncoder(load_file(str(encoder_dir / "model.safetensors")), config)
    tokenizer = make_tokenizer(encoder_dir / "vocab.txt", 128)
    # A contradiction's negated hypothesis (an entailment made in `augmented`) is as far from its premise.
    places = [i for i, p in enumerate(pairs) if (p[3], p[2]) in (("snli", 1), ("negated-snli", 0))]
    a = embeddings(encoder, tokenizer, [pairs[i][0] for i in places])
    b = embeddings(encoder, tokenizer, [pairs[i][1] for i in places])
    cosines = (a * b).sum(-1).tolist()
    result = list(pairs)
    changed = 0
    for i, cosine in zip(places, cosines):
        if cosine < below and not denies(pairs[i][1]):
            evidence, claim, _, source = pairs[i]
            result[i] = (evidence, claim, 2, source)
            changed += 1
    return result, changed


def augmented(pairs, rng):
    """Contradictions made from entailed pairs: the claim negated, or one of its numbers changed.
    And, from SNLI only, entailments made from contradictions by negating the hypothesis."""
    result = []
    entailed = [p for p in pairs if p[2] == 0]
    rng.shuffle(entailed)
    made = 0
    for evidence, claim, _, source in entailed:
        if made >= 5000:
            break
        flipped = negated(claim)
        if flipped:
            result.append((evidence, flipped, 1, "negated-" + source))
            made += 1
    made = 0
    for evidence, claim, _, source in entailed:
        if made >= 1500:
            break
        changed = renumbered(claim, evidence, rng)
        if changed and changed != claim:
            result.append((evidence, changed, 1, "renumbered-" + source))
            made += 1
    contradicted = [p for p in pairs if p[2] == 1 and p[3] == "snli"]
    rng.shuffle(contradicted)
    made = 0
    for evidence, claim, _, source in contradicted:
        if made >= 1500:
            break
        flipped = negated(claim)
        if flipped and "not" not in claim.lower().split():
            result.append((evidence, flipped, 0, "negated-" + source))
            made += 1
    return result


def make_tokenizer(vocab, max_length):
    tokenizer = Tokenizer(WordPiece.from_file(str(vocab), unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)
    tokenizer.pre_tokenizer = BertPreTokenizer()
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
    return tokenizer


class CrossEncoder(torch.nn.Module):
    """BERT as in the Swift runtime (post-norm layers, exact GELU), mean pooling, a linear head."""

    def __init__(self, weights, config):
        super().__init__()
        self.config = config
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.word = torch.nn.Parameter(weights["embeddings.word_embeddings.weight"].float(), requires_grad=False)
        self.params = torch.nn.ParameterDict()
        for name, tensor in weights.items():
            if name.startswith("pooler.") or name == "embeddings.word_embeddings.weight":
                continue
            self.params[name.replace(".", "__")] = torch.nn.Parameter(tensor.float().clone())
        hidden = config["hidden_size"]
        self.head = torch.nn.Linear(hidden, len(LABELS))
        self.dropout = torch.nn.Dropout(0.1)

    def p(self, name):
        return self.params[name.replace(".", "__")]

    def forward(self, ids, types, mask):
        x = self.states(ids, types, mask)
        m = mask[:, :, None].float()
        pooled = (x * m).sum(1) / m.sum(1)
        return self.head(self.dropout(pooled))

    def states(self, ids, types, mask):
        """The last layer's token states."""
        n, length = ids.shape
        hidden = self.config["hidden_size"]
        d = hidden // self.heads
        x = self.word[ids] + self.p("embeddings.position_embeddings.weight")[:length][None] \
            + self.p("embeddings.token_type_embeddings.weight")[types]
        x = torch.nn.functional.layer_norm(x, (hidden,), self.p("embeddings.LayerNorm.weight"), self.p("embeddings.LayerNorm.bias"), self.eps)
        x = self.dropout(x)
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in range(self.config["num_hidden_layers"]):
            pre = f"encoder.layer.{layer}."

            def linear(v, name):
                return torch.nn.functional.linear(v, self.p(pre + name + ".weight"), self.p(pre + name + ".bias"))

            q = linear(x, "attention.self.query").view(n, length, self.heads, d).transpose(1, 2)
            k = linear(x, "attention.self.key").view(n, length, self.heads, d).transpose(1, 2)
            v = linear(x, "attention.self.value").view(n, length, self.heads, d).transpose(1, 2)
            scores = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
            context = (self.dropout(scores) @ v).transpose(1, 2).reshape(n, length, hidden)
            x = torch.nn.functional.layer_norm(
                x + self.dropout(linear(context, "attention.output.dense")), (hidden,),
                self.p(pre + "attention.output.LayerNorm.weight"), self.p(pre + "attention.output.LayerNorm.bias"), self.eps)
            inner = torch.nn.functional.gelu(linear(x, "intermediate.dense"))
            x = torch.nn.functional.layer_norm(
                x + self.dropout(linear(inner, "output.dense")), (hidden,),
                self.p(pre + "output.LayerNorm.weight"), self.p(pre + "output.LayerNorm.bias"), self.eps)
        return x


def batches(encoded, batch_size, rng):
    """Batches of similar length (less padding): shuffle, sort within blocks of 50 batches."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    block = batch_size * 50
    result = []
    for start in range(0, len(order), block):
        chunk = sorted(order[start:start + block], key=lambda i: len(encoded[i][0]))
        result += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(result)
    return result


def tensors(items):
    length = max(len(ids) for ids, _ in items)
    ids = torch.zeros((len(items), length), dtype=torch.long)
    types = torch.zeros((len(items), length), dtype=torch.long)
    mask = torch.zeros((len(items), length), dtype=torch.long)
    for row, (token_ids, type_ids) in enumerate(items):
        ids[row, :len(token_ids)] = torch.tensor(token_ids)
        types[row, :len(type_ids)] = torch.tensor(type_ids)
        mask[row, :len(token_ids)] = 1
    return ids, types, mask


def encode_pairs(tokenizer, pairs):
    out = tokenizer.encode_batch([(evidence.strip(), claim.strip()) for evidence, claim, *_ in pairs])
    return [(e.ids, e.type_ids) for e in out]


def probabilities(model, encoded, batch_size=64):
    model.eval()
    result = []
    with torch.no_grad():
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        values = [None] * len(encoded)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            logits = model(*tensors([encoded[i] for i in chunk]))
            for i, row in zip(chunk, torch.softmax(logits, -1).tolist()):
                values[i] = row
        result = values
    return result


def save_weights(model, out):
    """Writes every weight but the frozen word embeddings (layers in float16, the classifier in
    float32) to out/model.safetensors; returns the file's SHA-256."""
    out.mkdir(parents=True, exist_ok=True)
    tensors_out = {name.replace("__", "."): p.detach().to(torch.float16).contiguous() for name, p in model.params.items()}
    tensors_out["classifier.weight"] = model.head.weight.detach().float().contiguous()
    tensors_out["classifier.bias"] = model.head.bias.detach().float().contiguous()
    path = out / "model.safetensors"
    save_file(tensors_out, str(path), metadata={"format": "pt"})
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_exported(model_dir, encoder_dir):
    """An exported model's weights (the word embeddings taken from the encoder) and its classifier."""
    weights = load_file(str(model_dir / "model.safetensors"))
    weights["embeddings.word_embeddings.weight"] = load_file(str(encoder_dir / "model.safetensors"))["embeddings.word_embeddings.weight"]
    head = {k: weights.pop(k) for k in ["classifier.weight", "classifier.bias"]}
    return weights, head


def export(model, out, encoder_manifest, info):
    digest = save_weights(model, out)
    manifest = {
        "name": "crosscheck-stance-minilm-l6",
        "labels": LABELS,
        "sha256": digest,
        "version": "stance-ce-" + digest[:12],
        "wordEmbeddingsFrom": {"name": encoder_manifest["name"], "sha256": encoder_manifest["sha256"]},
        "storage": "float16 layers, float32 classifier",
        "maxLength": info["max_length"],
        "input": "[CLS] evidence [SEP] claim [SEP], token types 0 then 1",
        "training": info,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def reference(model_dir, encoder_dir, tokenizer, config, out_path):
    """The exported model's probabilities (float16 weights widened, as Swift reads them) on fixed pairs."""
    weights, head = load_exported(model_dir, encoder_dir)
    model = CrossEncoder({k: v.float() for k, v in weights.items()}, config)
    model.head.weight.data = head["classifier.weight"].float()
    model.head.bias.data = head["classifier.bias"].float()
    pairs = read_jsonl(HERE / "pairs.jsonl")
    encoded = encode_pairs(tokenizer, [(p["evidence"], p["claim"]) for p in pairs])
    probs = probabilities(model, encoded)
    rows = [{"phenomenon": p["phenomenon"], "label": p["label"], "evidence": p["evidence"], "claim": p["claim"],
             "ids": e[0], "types": e[1], "probabilities": [round(x, 6) for x in pr]} for p, e, pr in zip(pairs, encoded, probs)]
    # Truncation as Hugging Face's longest_first does it, at a small length.
    short = make_tokenizer(encoder_dir / "vocab.txt", 16)
    cut = [{"evidence": p["evidence"], "claim": p["claim"], "maxLength": 16, "ids": e.ids, "types": e.type_ids}
           for p, e in zip(pairs[-3:], short.encode_batch([(p["evidence"], p["claim"]) for p in pairs[-3:]]))]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps({"model": json.loads((model_dir / "manifest.json").read_text())["version"],
                                    "labels": LABELS, "pairs": rows, "truncated": cut}, indent=1) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--encoder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference", type=Path)
    parser.add_argument("--snli", type=int, default=40000)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--other-scene-below", type=float,
                        help="SNLI contradictions whose two sentences are less alike than this (the encoder's "
                             "cosine) are trained as neutral: see other_scene")
    parser.add_argument("--limit-steps", type=int, default=0, help="stop early (for timing)")
    parser.add_argument("--reference-only", action="store_true", help="only write --reference from the model in --out")
    parser.add_argument("--warm-start", type=Path,
                        help="a second, domain stage: start from this exported model and train on the claim-verification "
                             "pairs (FEVER, HealthVer, COVID-Fact, SciFact, off-topic and their augmentations) with --snli "
                             "SNLI pairs replayed")
    args = parser.parse_args()
    if args.reference_only:
        config = json.loads((args.encoder / "config.json").read_text())
        reference(args.out, args.encoder, make_tokenizer(args.encoder / "vocab.txt", args.max_length), config, args.reference)
        return

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    config = json.loads((args.encoder / "config.json").read_text())
    encoder_manifest = json.loads((args.encoder / "manifest.json").read_text())
    tokenizer = make_tokenizer(args.encoder / "vocab.txt", args.max_length)
    pairs = training_pairs(args.data, args.snli, rng)
    if args.warm_start:
        pairs = [p for p in pairs if not p[3].endswith("snli")] + [p for p in pairs if p[3].endswith("snli")][:args.snli]
    relabelled = 0
    if args.other_scene_below is not None:
        pairs, relabelled = other_scene(pairs, args.encoder, config, args.other_scene_below)
        print("SNLI contradictions about another scene, trained as neutral:", relabelled, flush=True)
    counts = {}
    for p in pairs:
        counts[p[3]] = counts.get(p[3], 0) + 1
    print("training pairs", len(pairs), counts, flush=True)
    encoded = encode_pairs(tokenizer, pairs)
    labels = [p[2] for p in pairs]

    if args.warm_start:
        weights, head = load_exported(args.warm_start, args.encoder)
        model = CrossEncoder({k: v.float() for k, v in weights.items()}, config)
        model.head.weight.data = head["classifier.weight"].float()
        model.head.bias.data = head["classifier.bias"].float()
        warm = json.loads((args.warm_start / "manifest.json").read_text())
    else:
        model = CrossEncoder(load_file(str(args.encoder / "model.safetensors")), config)
        warm = None
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    plan = [batches(encoded, args.batch, rng) for _ in range(args.epochs)]
    total = sum(len(b) for b in plan)
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    started = time.time()
    step = 0
    seen = 0
    for epoch_batches in plan:
        model.train()
        for batch in epoch_batches:
            logits = model(*tensors([encoded[i] for i in batch]))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([labels[i] for i in batch]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            seen += len(batch)
            if step % 50 == 0:
                elapsed = time.time() - started
                print(f"step {step}/{total} loss {loss.item():.3f} {seen / elapsed:.1f} pairs/s {elapsed / 60:.1f} min", flush=True)
            if args.limit_steps and step >= args.limit_steps:
                break
    minutes = (time.time() - started) / 60
    print(f"trained {seen} pairs in {minutes:.1f} min", flush=True)
    info = {
        "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "max_length": args.max_length,
        "pairs": counts, "snli_sample": args.snli, "threads": args.threads, "minutes": round(minutes, 1),
        "held_aside": {"fever-rte-dev": FEVER_HELD, "healthver-dev": HEALTHVER_HELD},
        "torch": torch.__version__,
    }
    if args.other_scene_below is not None:
        info["other_scene"] = {"below": args.other_scene_below, "snli_contradictions_as_neutral": relabelled}
    if warm:
        info["warm_start"] = {"version": warm["version"], "training": warm["training"]}
    export(model, args.out, encoder_manifest, info)
    if args.reference:
        reference(args.out, args.encoder, tokenizer, config, args.reference)
    print("wrote", args.out, flush=True)


if __name__ == "__main__":
    main()
