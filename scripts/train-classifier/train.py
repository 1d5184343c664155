#!/usr/bin/env python3
"""Trains a sentence classifier: all-MiniLM-L6-v2 (the shipped sentence encoder) fine-tuned to read
"[CLS] text [SEP]" and answer one probability per label — mean pooling over the tokens, one linear
layer, as the stance cross-encoder (scripts/train-stance/train.py, whose model and export code this
reuses). The word embeddings stay frozen and are left out of the exported file.

The examples come from a split the Swift side writes, so both sides measure on the same held-out
part (for TweepFake, `--tweepfake DIR` writes it: its validation file held out, a seeded 5% of train
for calibration):

    crosscheck eval checkworthiness --data ../shared/data/checkworthiness --export-split /tmp/cw-split
    python3 scripts/train-classifier/train.py --task checkworthiness --split /tmp/cw-split \\
        --encoder Sources/CrosscheckModels/Models/encoder \\
        --out Sources/CrosscheckModels/Models/checkworthiness-ce \\
        --reference Tests/CrosscheckKitTests/Resources/checkworthiness-ce/reference.json

Each line of `train.jsonl` is {"text", "label": bool, "source"}, with "context" for a pair model;
`--weights source=w,...` sets how much each source counts (0 leaves it out; sources not named count 1).

The topic model reads a comment with its article's title and lead ("[CLS] article [SEP] comment
[SEP]"); its examples are comments we wrote under articles of our own (`topic-comments/`), split by
article (`--topic DIR` writes the split):

    python3 scripts/train-classifier/train.py --task topic --topic scripts/train-classifier/topic-comments \
        --split /tmp/topic-split --encoder Sources/CrosscheckModels/Models/encoder \
        --out Sources/CrosscheckModels/Models/topic-ce --epochs 3 --lr 3e-5 --max-length 192 --batch 16 \
        --reference Tests/CrosscheckKitTests/Resources/topic-ce/reference.json

The template model reads two comments of one thread ("[CLS] earlier [SEP] later [SEP]") and answers
whether they are one campaign's talking point posted again in other words; its examples are
campaigns and readers we wrote under articles of our own (`template-comments/`, `--template DIR`
writes the split). It was tried and is not shipped (docs/benchmarks.md, "A template model, tried"):

    python3 scripts/train-classifier/train.py --task template --template scripts/train-classifier/template-comments \
        --split /tmp/template-split --encoder Sources/CrosscheckModels/Models/encoder \
        --out /tmp/template-ce --epochs 3 --lr 3e-5 --max-length 160 --batch 16
"""
import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import torch
from safetensors.torch import load_file

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "train-stance"))
import train as stance  # noqa: E402  (the shared transformer, batching and weight export)

TASKS = {
    "checkworthiness": {"labels": ["other", "checkworthy"], "name": "crosscheck-checkworthiness-minilm-l6"},
    "machine-text": {"labels": ["human", "machine"], "name": "crosscheck-machine-text-minilm-l6"},
    "techniques": {"labels": ["none", "technique"], "name": "crosscheck-techniques-minilm-l6"},
    "topic": {"labels": ["on_topic", "off_topic"], "name": "crosscheck-topic-minilm-l6",
              "input": "[CLS] article title and lead [SEP] comment [SEP], token types 0 then 1", "pairs": "topic-pairs.jsonl"},
    "template": {"labels": ["apart", "template"], "name": "crosscheck-template-minilm-l6",
                 "input": "[CLS] earlier comment [SEP] later comment [SEP], token types 0 then 1", "pairs": "template-pairs.jsonl"},
}


def read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def tweepfake_split(folder, out, seed):
    """TweepFake's train.csv (a seeded 5% of it aside for calibration) and validation.csv as a split."""
    import csv
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)

    def rows(name):
        with open(folder / name, encoding="utf-8", newline="") as f:
            return [{"text": r["text"], "label": r["account.type"] == "bot", "source": "tweepfake", "group": r["class_type"]}
                    for r in csv.DictReader(f, delimiter=";")]

    train, calibration = [], []
    for row in rows("train.csv"):
        (calibration if rng.random() < 0.05 else train).append(row)
    for name, part in [("train", train), ("calibration", calibration), ("heldout", rows("validation.csv"))]:
        with open(out / (name + ".jsonl"), "w", encoding="utf-8") as f:
            for row in part:
                f.write(json.dumps(row, sort_keys=True) + "\n")


def encode(tokenizer, texts):
    """Token ids and types of texts, or of (context, text) pairs: "[CLS] context [SEP] text [SEP]"."""
    items = [(t[0].strip(), t[1].strip()) if isinstance(t, tuple) else t.strip() for t in texts]
    return [(e.ids, e.type_ids) for e in tokenizer.encode_batch(items)]


def inputs(examples):
    """What the model reads of each example: its text, or its context and text as a pair."""
    return [(x["context"], x["text"]) if "context" in x else x["text"] for x in examples]


def article_parts(folder, seed):
    """The rows of folder/*.jsonl grouped by article (file and title), split by article: a seeded
    tenth for calibration, a tenth held out, the rest to train — each part's articles in sorted
    order. Returns the seeded generator too, for the caller's further draws."""
    rng = random.Random(seed)
    articles = {}
    for path in sorted(folder.glob("*.jsonl")):
        for row in read(path):
            articles.setdefault((path.name, row["article_title"]), []).append(row)
    keys = sorted(articles)
    rng.shuffle(keys)
    tenth = max(1, len(keys) // 10)
    parts = {"calibration": keys[:tenth], "heldout": keys[tenth:2 * tenth], "train": keys[2 * tenth:]}
    return rng, {name: [articles[key] for key in sorted(part)] for name, part in parts.items()}


def topic_split(folder, out, seed):
    """Comments written under articles (folder/*.jsonl: article_title, article_lead, comment, label
    "on"/"off", kind) as a split by article: a seeded tenth of the articles for calibration, a
    tenth held out. The context is the article's title and lead, as the screen gives its article."""
    _, parts = article_parts(folder, seed)
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in parts.items():
        with open(out / (name + ".jsonl"), "w", encoding="utf-8") as f:
            for rows in articles:
                for row in rows:
                    f.write(json.dumps({"context": row["article_title"] + "\n" + row["article_lead"], "text": row["comment"],
                                        "label": row["label"] == "off", "source": "topic", "group": row["kind"]}, sort_keys=True) + "\n")


def average_precision(scores, labels):
    ranked = sorted(zip(scores, labels), key=lambda x: -x[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / max(1, hits)


def best_f1(scores, labels):
    """The threshold with the best positive-class F1 on these scores, and that F1."""
    best = (0.5, 0.0)
    for threshold in sorted(set(round(s, 4) for s in scores)):
        tp = sum(1 for s, l in zip(scores, labels) if s >= threshold and l)
        fp = sum(1 for s, l in zip(scores, labels) if s >= threshold and not l)
        fn = sum(1 for s, l in zip(scores, labels) if s < threshold and l)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        if f1 > best[1]:
            best = (threshold, f1)
    return best


def f1_at(scores, labels, threshold):
    tp = sum(1 for s, l in zip(scores, labels) if s >= threshold and l)
    fp = sum(1 for s, l in zip(scores, labels) if s >= threshold and not l)
    fn = sum(1 for s, l in zip(scores, labels) if s < threshold and l)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def export(model, out, task, encoder_manifest, info, threshold):
    digest = stance.save_weights(model, out)
    manifest = {
        "name": TASKS[task]["name"],
        "labels": TASKS[task]["labels"],
        "sha256": digest,
        "version": task + "-ce-" + digest[:12],
        "wordEmbeddingsFrom": {"name": encoder_manifest["name"], "sha256": encoder_manifest["sha256"]},
        "storage": "float16 layers, float32 classifier",
        "maxLength": info["max_length"],
        "input": TASKS[task].get("input", "[CLS] text [SEP], token types 0"),
        "threshold": round(threshold, 6),
        "training": info,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def load(model_dir, encoder_dir, config, labels):
    weights, head = stance.load_exported(model_dir, encoder_dir)
    model = stance.CrossEncoder({k: v.float() for k, v in weights.items()}, config)
    model.head = torch.nn.Linear(config["hidden_size"], len(labels))
    model.head.weight.data = head["classifier.weight"].float()
    model.head.bias.data = head["classifier.bias"].float()
    return model


def reference(model_dir, encoder_dir, tokenizer, config, task_name, out_path):
    """The exported model's probabilities (float16 weights widened, as Swift reads them) on fixed texts
    (a pair task's on its fixed pairs)."""
    task = TASKS[task_name]
    labels = task["labels"]
    model = load(model_dir, encoder_dir, config, labels)
    if "pairs" in task:
        pairs = read(HERE / task["pairs"])
        encoded = encode(tokenizer, [(p["context"], p["text"]) for p in pairs])
        probabilities = stance.probabilities(model, encoded)
        rows = [{"context": p["context"], "text": p["text"], "ids": e[0], "types": e[1], "probabilities": [round(x, 6) for x in q]}
                for p, e, q in zip(pairs, encoded, probabilities)]
    else:
        texts = [line.strip() for line in open(HERE / "texts.txt", encoding="utf-8") if line.strip()]
        encoded = encode(tokenizer, texts)
        probabilities = stance.probabilities(model, encoded)
        rows = [{"text": t, "ids": e[0], "probabilities": [round(x, 6) for x in p]} for t, e, p in zip(texts, encoded, probabilities)]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    version = json.loads((model_dir / "manifest.json").read_text())["version"]
    out_path.write_text(json.dumps({"model": version, "labels": labels, "texts": rows}, indent=1) + "\n")


def template_split(folder, out, seed):
    """Comments written under articles as campaigns and as readers (folder/*.jsonl: article_title,
    author, comment, family, kind "campaign"/"agrees"/"other", point) as pairs, split by article: a
    seeded tenth of the articles for calibration, a tenth held out. A pair is a template when both
    comments belong to one campaign; the hard pairs apart are a campaign comment and a reader making
    its point in their own words, and two such readers. Each pair is read in page order."""
    rng, parts = article_parts(folder, seed)
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in parts.items():
        with open(out / (name + ".jsonl"), "w", encoding="utf-8") as f:
            for rows in articles:
                pairs = []
                for i in range(len(rows)):
                    for j in range(i + 1, len(rows)):
                        a, b = rows[i], rows[j]
                        if a["author"] == b["author"]:
                            continue
                        if a["family"] and a["family"] == b["family"]:
                            group = "same campaign"
                        elif {a["kind"], b["kind"]} == {"campaign", "agrees"} and a["point"] == b["point"]:
                            group = "campaign and a reader making its point"
                        elif a["kind"] == b["kind"] == "agrees" and a["point"] == b["point"]:
                            group = "two readers making one point"
                        elif a["kind"] == b["kind"] == "campaign":
                            group = "two campaigns"
                        else:
                            group = "other"
                        pairs.append((group, a, b))
                # Every pair of the first three groups; of the easy ones, as many as a campaign has pairs.
                easy = [p for p in pairs if p[0] in ("two campaigns", "other")]
                rng.shuffle(easy)
                kept = [p for p in pairs if p[0] not in ("two campaigns", "other")] + easy[:12]
                for group, a, b in kept:
                    f.write(json.dumps({"context": a["comment"], "text": b["comment"], "label": group == "same campaign",
                                        "source": "template", "group": group}, sort_keys=True) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", choices=sorted(TASKS), required=True)
    parser.add_argument("--split", type=Path, required=True, help="the folder with train/calibration/heldout.jsonl")
    parser.add_argument("--tweepfake", type=Path, help="first write --split from this TweepFake folder")
    parser.add_argument("--topic", type=Path, help="first write --split from this folder of comments written under articles")
    parser.add_argument("--template", type=Path, help="first write --split from this folder of campaign and reader comments")
    parser.add_argument("--encoder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference", type=Path)
    parser.add_argument("--weights", default="", help="source=weight,... (0 leaves a source out)")
    parser.add_argument("--negatives", type=float, default=1.0, help="share of negative examples kept from sources other than the first")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--max-length", type=int, default=96)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--reference-only", action="store_true", help="only write --reference from the model in --out")
    args = parser.parse_args()
    labels_named = TASKS[args.task]["labels"]
    config = json.loads((args.encoder / "config.json").read_text())
    tokenizer = stance.make_tokenizer(args.encoder / "vocab.txt", args.max_length)
    if args.reference_only:
        reference(args.out, args.encoder, tokenizer, config, args.task, args.reference)
        return

    if args.tweepfake:
        tweepfake_split(args.tweepfake, args.split, args.seed)
    if args.topic:
        topic_split(args.topic, args.split, args.seed)
    if args.template:
        template_split(args.template, args.split, args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    weights = {k: float(v) for k, v in (item.split("=") for item in args.weights.split(",") if item)}
    train = [x for x in read(args.split / "train.jsonl") if weights.get(x["source"], 1.0) > 0]
    train = [x for x in train if x["label"] or x["source"] == train[0]["source"] or rng.random() < args.negatives]
    counts = {}
    for x in train:
        key = f'{x["source"]}-{"yes" if x["label"] else "no"}'
        counts[key] = counts.get(key, 0) + 1
    print("training examples", len(train), counts, flush=True)
    encoded = encode(tokenizer, inputs(train))
    labels = [1 if x["label"] else 0 for x in train]
    example_weights = [weights.get(x["source"], 1.0) for x in train]

    model = stance.CrossEncoder(load_file(str(args.encoder / "model.safetensors")), config)
    model.head = torch.nn.Linear(config["hidden_size"], len(labels_named))
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    plan = [stance.batches(encoded, args.batch, rng) for _ in range(args.epochs)]
    total = sum(len(b) for b in plan)
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    calibration = read(args.split / "calibration.jsonl")
    calibration_encoded = encode(tokenizer, inputs(calibration))
    started = time.time()
    step = 0
    for epoch, epoch_batches in enumerate(plan, 1):
        model.train()
        for batch in epoch_batches:
            logits = model(*stance.tensors([encoded[i] for i in batch]))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([labels[i] for i in batch]), reduction="none")
            loss = (loss * torch.tensor([example_weights[i] for i in batch])).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            if step % 100 == 0:
                elapsed = time.time() - started
                print(f"step {step}/{total} loss {loss.item():.3f} {elapsed / 60:.1f} min", flush=True)
        scores = [p[1] for p in stance.probabilities(model, calibration_encoded)]
        truth = [x["label"] for x in calibration]
        threshold, f1 = best_f1(scores, truth)
        print(f"epoch {epoch}: calibration AP {average_precision(scores, truth):.3f}, best F1 {f1:.3f} at {threshold}", flush=True)
    minutes = (time.time() - started) / 60
    print(f"trained {len(train)} examples x {args.epochs} epochs in {minutes:.1f} min", flush=True)
    info = {
        "task": args.task, "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
        "max_length": args.max_length, "examples": counts, "weights": weights, "negatives": args.negatives,
        "threads": args.threads, "minutes": round(minutes, 1), "torch": torch.__version__,
        "split": hashlib.sha256((args.split / "heldout.jsonl").read_bytes()).hexdigest()[:12],
    }
    encoder_manifest = json.loads((args.encoder / "manifest.json").read_text())
    info["threshold_from"] = f"best F1 on calibration.jsonl ({len(calibration)} examples)"
    export(model, args.out, args.task, encoder_manifest, info, threshold)
    heldout = read(args.split / "heldout.jsonl")
    scores = [p[1] for p in stance.probabilities(model, encode(tokenizer, inputs(heldout)))]
    for source in sorted(set(x["source"] for x in heldout)):
        part = [(s, x["label"]) for s, x in zip(scores, heldout) if x["source"] == source]
        if any(l for _, l in part):
            s, l = zip(*part)
            print(f"held out {source}: AP {average_precision(s, l):.3f}, F1 {f1_at(s, l, threshold):.3f} at the calibration threshold", flush=True)
    for group in sorted(set(x.get("group", "") for x in heldout if x.get("source") in ("topic", "template"))):
        part = [(s >= threshold) == x["label"] for s, x in zip(scores, heldout) if x.get("group") == group]
        print(f"held out {group}: {sum(part)} of {len(part)} right", flush=True)
    if args.reference:
        reference(args.out, args.encoder, tokenizer, config, args.task, args.reference)
    print("wrote", args.out, flush=True)


if __name__ == "__main__":
    main()
