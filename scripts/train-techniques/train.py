#!/usr/bin/env python3
"""Train the persuasion-techniques tagger: which words of a news article carry one of the 14
propaganda techniques of SemEval-2020 task 11 (loaded language, name calling, doubt, …).

A word tagger fine-tuned from all-MiniLM-L6-v2 exactly as the attribution tagger
(scripts/train-attribution/train.py, whose words, windows, model, batching and export this reuses)
on the technique spans of shared/data/propaganda (articles.jsonl, task2-TC.labels.tsv), only on the
articles listed in the split's train-ids.txt. The split comes from the Swift side (seed 1), so both
sides measure on the same held-out articles:

    crosscheck eval language --data ../shared/data/propaganda --export-split /tmp/prop-split
    python3 scripts/train-techniques/train.py --data ../shared/data/propaganda --split /tmp/prop-split \\
        --encoder Sources/CrosscheckModels/Models/encoder \\
        --out Sources/CrosscheckModels/Models/techniques-tagger \\
        --reference Tests/CrosscheckKitTests/Resources/techniques-tagger/reference.json

(Set up Python as for the other trainers: pip install -r scripts/train-stance/requirements.txt.)

Labels, one per word, read from the word's first word piece: "O", then "B-<technique>" and
"I-<technique>" for each technique name as the TSV spells it, in sorted name order (TECHNIQUES).
A word is inside a span when it overlaps it at all. Spans overlap (the same words can carry two
techniques), so each word gets one label: spans are taken shortest first and a word keeps its first
label (its technique; a B- of the same technique inside a longer span becomes I-, so nested spans of
one technique read as one). A span's word gets I- when the word before it is in the same span and
carries the same technique, otherwise B- — so the first word of a span is B-, and so is the first
word of a part of a longer span that resumes after a shorter span of another technique took the
words in between.

Words and windows are the attribution tagger's (the Swift WordTagger reads both models the same
way): the text split at whitespace, each punctuation character a word of its own; paragraphs (split
at newlines) packed in text order up to 254 word pieces, a longer one cut at word boundaries.

Most words are O; --o-weight is the cross-entropy class weight of O (the other labels weigh 1), so
the model does not learn to answer O everywhere: 86 % of the training words are O, and at the default
0.3 they carry about two thirds of the loss rather than 86 %.

After training, the trainer prints its own view of the test articles (not the project's measure,
which is `crosscheck eval language`): predicted spans are runs of B-X/I-X words (an I-X not after an
X word starts a run too) from the first word's start to the last word's end, gold spans the TSV's.
Per technique, a predicted span is right when it overlaps a gold span of its technique, and a gold
span is found when a predicted span of its technique overlaps it. Then partial-credit precision,
recall and F1 in the manner of SemEval's span measure: precision averages, over predicted spans, the
largest |predicted ∩ gold| / |predicted| among gold spans of the same technique; recall averages,
over gold spans, the largest |predicted ∩ gold| / |gold|.
"""

import argparse
import collections
import csv
import hashlib
import importlib.util
import json
import random
import time
from pathlib import Path

import torch
from safetensors.torch import load_file

# The attribution trainer's words, windows, model and batching (it loads the stance trainer's runtime
# model, tokenizer and weight export).
_spec = importlib.util.spec_from_file_location(
    "attribution_train", Path(__file__).resolve().parent.parent / "train-attribution" / "train.py")
_attribution = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_attribution)
_stance = _attribution._stance
words, encode_article, batch_tensors = _attribution.words, _attribution.encode_article, _attribution.batch_tensors
make_tokenizer = _stance.make_tokenizer
WINDOW_PIECES = _attribution.WINDOW_PIECES

TECHNIQUES = sorted([
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum", "Black-and-White_Fallacy",
    "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation", "Flag-Waving", "Loaded_Language",
    "Name_Calling,Labeling", "Repetition", "Slogans", "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
])
LABELS = ["O"] + [f"{prefix}-{name}" for name in TECHNIQUES for prefix in ("B", "I")]


def technique_of(label_index):
    """The technique of a label index, None for O."""
    return None if label_index == 0 else TECHNIQUES[(label_index - 1) // 2]


def begins(technique):
    return 1 + 2 * TECHNIQUES.index(technique)


def read_data(folder):
    """{article id: text} and {article id: [(start, end, technique)]} (exact duplicates dropped)."""
    texts = {}
    with open(folder / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                texts[row["article_id"]] = row["text"]
    spans = collections.defaultdict(list)
    with open(folder / "task2-TC.labels.tsv", encoding="utf-8", newline="") as f:
        for article, technique, start, end in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if technique not in TECHNIQUES:
                raise SystemExit(f"unknown technique {technique!r} in task2-TC.labels.tsv")
            span = (int(start), int(end), technique)
            if not 0 <= span[0] < span[1] <= len(texts[article]):
                raise SystemExit(f"span {span} outside article {article}")
            if span not in spans[article]:
                spans[article].append(span)
    return texts, spans


def technique_labels(word_spans, spans):
    """One label index per word (see the module's doc comment)."""
    labels = [0] * len(word_spans)
    for lo, hi, technique in sorted(spans, key=lambda s: (s[1] - s[0], s[0], s[2])):
        b = begins(technique)
        previous_inside = False  # the word before is in this span and carries its technique
        for i, (start, end) in enumerate(word_spans):
            if end <= lo:
                continue
            if start >= hi:
                break
            if labels[i] == 0 or (labels[i] == b and previous_inside):
                labels[i] = b + 1 if previous_inside else b
            previous_inside = labels[i] in (b, b + 1)
    return labels


def encode_labelled(tokenizer, text, spans):
    """The attribution tagger's windows of the text, with the technique label of each window word."""
    labels = technique_labels(words(text), spans)
    return [(ids, firsts, window, [labels[i] for i in window])
            for ids, firsts, window, _ in encode_article(tokenizer, text)]


class TechniqueTagger(_attribution.Tagger):
    """The attribution tagger's model with a head for the technique labels."""

    def __init__(self, weights, config):
        super().__init__(weights, config)
        self.head = torch.nn.Linear(config["hidden_size"], len(LABELS))


def export(model, out, encoder_manifest, info):
    return _attribution.export(model, out, encoder_manifest, info, name="crosscheck-techniques-minilm-l6", kind="techniques-tagger", labels=LABELS)


# Written for the reference file, not taken from the data.
REFERENCE_TEXTS = [
    "The mayor's reckless scheme will destroy every family business in this proud town, critics warned on Monday.",
    "Corrupt bureaucrats are once again ramming through a disastrous tax hike.\nEnough is enough.",
    "The council approved the budget by a vote of 7 to 2 after a short debate.",
]


def reference(model_dir, encoder_dir, tokenizer, config, out_path):
    """The exported model's word labels' probabilities (float16 weights widened) on fixed texts."""
    _attribution.reference(model_dir, encoder_dir, tokenizer, config, out_path, texts=REFERENCE_TEXTS, labels=LABELS, tagger=TechniqueTagger)


def predicted_labels(model, tokenizer, text, batch=16):
    """The most probable label index of each word of the text."""
    word_spans = words(text)
    labels = [0] * len(word_spans)
    encoded = encode_article(tokenizer, text)
    with torch.no_grad():
        for start in range(0, len(encoded), batch):
            chunk = encoded[start : start + batch]
            best = model(*batch_tensors(chunk)).argmax(-1)
            for row, (_, firsts, window, _) in enumerate(chunk):
                for word, first in zip(window, firsts):
                    labels[word] = int(best[row, first])
    return labels


def decoded_spans(word_spans, labels):
    """(start, end, technique) of each run of B-X/I-X words; an I-X not after an X word starts one."""
    result = []
    current = None  # [start, end, technique]
    for (start, end), label in zip(word_spans, labels):
        technique = technique_of(label)
        if technique is None:
            current = None
            continue
        if current is not None and current[2] == technique and (label - 1) % 2 == 1:
            current[1] = end
            continue
        current = [start, end, technique]
        result.append(current)
    return [tuple(s) for s in result]


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(model, tokenizer, texts, gold_spans, ids):
    """Prints the trainer's own span-level view of the test articles (see the module's doc comment)."""
    model.eval()
    counts = {t: [0, 0, 0, 0] for t in TECHNIQUES}  # predicted, predicted right, gold, gold found
    precision_credit = recall_credit = 0.0
    predicted_total = gold_total = 0
    for article in ids:
        text = texts[article]
        predicted = decoded_spans(words(text), predicted_labels(model, tokenizer, text))
        gold = gold_spans.get(article, [])
        for p in predicted:
            same = [g for g in gold if g[2] == p[2]]
            counts[p[2]][0] += 1
            counts[p[2]][1] += any(overlap(p, g) for g in same)
            precision_credit += max((overlap(p, g) for g in same), default=0) / (p[1] - p[0])
        for g in gold:
            same = [p for p in predicted if p[2] == g[2]]
            counts[g[2]][2] += 1
            counts[g[2]][3] += any(overlap(p, g) for p in same)
            recall_credit += max((overlap(p, g) for p in same), default=0) / (g[1] - g[0])
        predicted_total += len(predicted)
        gold_total += len(gold)
    print(f"trainer's own view of the {len(ids)} test articles (any-overlap match, same technique):", flush=True)
    print(f"  {'technique':36} {'pred':>5} {'P':>6} {'gold':>5} {'R':>6}")
    for t in TECHNIQUES:
        p, pr, g, gf = counts[t]
        print(f"  {t:36} {p:5d} {pr / p if p else 0:6.3f} {g:5d} {gf / g if g else 0:6.3f}")
    p_right = sum(c[1] for c in counts.values())
    g_found = sum(c[3] for c in counts.values())
    print(f"  {'all (micro)':36} {predicted_total:5d} {p_right / max(1, predicted_total):6.3f} "
          f"{gold_total:5d} {g_found / max(1, gold_total):6.3f}")
    precision = precision_credit / predicted_total if predicted_total else 0.0
    recall = recall_credit / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"  partial credit (largest overlap ratio per span): P {precision:.3f} R {recall:.3f} F1 {f1:.3f}", flush=True)


def read_ids(path):
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, help="shared/data/propaganda")
    parser.add_argument("--split", type=Path, help="folder with train-ids.txt and test-ids.txt")
    parser.add_argument("--encoder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference", type=Path)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--o-weight", type=float, default=0.3,
                        help="cross-entropy class weight of the O label (every other label weighs 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit-steps", type=int, default=0, help="stop early (for timing)")
    parser.add_argument("--reference-only", action="store_true", help="only write --reference from the model in --out")
    args = parser.parse_args()
    config = json.loads((args.encoder / "config.json").read_text())
    tokenizer = make_tokenizer(args.encoder / "vocab.txt", 512)
    tokenizer.no_truncation()
    if args.reference_only:
        if not args.reference:
            parser.error("--reference-only needs --reference")
        reference(args.out, args.encoder, tokenizer, config, args.reference)
        return
    if not args.data or not args.split:
        parser.error("--data and --split are required to train")

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    texts, spans = read_data(args.data)
    train_ids, test_ids = read_ids(args.split / "train-ids.txt"), read_ids(args.split / "test-ids.txt")
    if set(train_ids) & set(test_ids):
        raise SystemExit("train-ids.txt and test-ids.txt share articles")
    unknown = [a for a in train_ids + test_ids if a not in texts]
    if unknown:
        raise SystemExit(f"{len(unknown)} split ids not in articles.jsonl, e.g. {unknown[0]}")
    items = [w for a in train_ids for w in encode_labelled(tokenizer, texts[a], spans.get(a, []))]
    label_counts = collections.Counter(label for *_, labels in items for label in labels)
    o_share = label_counts[0] / max(1, sum(label_counts.values()))
    print(f"{len(train_ids)} training articles of {len(texts)}, {len(items)} windows, "
          f"{sum(label_counts.values())} words ({o_share:.1%} O), {len(LABELS)} labels", flush=True)

    model = TechniqueTagger(load_file(str(args.encoder / "model.safetensors")), config)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    class_weights = torch.ones(len(LABELS))
    class_weights[0] = args.o_weight
    plan = []
    for _ in range(args.epochs):
        order = list(range(len(items)))
        rng.shuffle(order)
        plan.append([order[i : i + args.batch] for i in range(0, len(order), args.batch)])
    total = sum(len(b) for b in plan)
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    started = time.time()
    step = 0
    for epoch_batches in plan:
        model.train()
        for batch in epoch_batches:
            chunk = [items[i] for i in batch]
            logits = model(*batch_tensors(chunk))
            rows, cols, gold = [], [], []
            for r, (_, firsts, _, labels) in enumerate(chunk):
                rows += [r] * len(firsts)
                cols += firsts
                gold += labels
            loss = torch.nn.functional.cross_entropy(logits[rows, cols], torch.tensor(gold), weight=class_weights)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            if step % 50 == 0 or args.limit_steps:
                elapsed = time.time() - started
                print(f"step {step}/{total} loss {loss.item():.3f} {elapsed / 60:.1f} min, {elapsed / step:.1f} s/step",
                      flush=True)
            if args.limit_steps and step >= args.limit_steps:
                break
        if args.limit_steps and step >= args.limit_steps:
            break
    minutes = (time.time() - started) / 60
    print(f"trained {step} steps in {minutes:.1f} min", flush=True)

    def digest(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]

    info = {
        "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "o_weight": args.o_weight,
        "threads": args.threads, "minutes": round(minutes, 1), "steps": step, "articles": len(train_ids),
        "windows": len(items), "labels": "O, then B-/I- of each technique in sorted name order",
        "split": {"train-ids.txt": digest(args.split / "train-ids.txt"), "test-ids.txt": digest(args.split / "test-ids.txt")},
        "data": {"articles.jsonl": digest(args.data / "articles.jsonl"),
                 "task2-TC.labels.tsv": digest(args.data / "task2-TC.labels.tsv")},
        "torch": torch.__version__,
    }
    export(model, args.out, json.loads((args.encoder / "manifest.json").read_text()), info)
    if args.reference:
        reference(args.out, args.encoder, tokenizer, config, args.reference)
    print("wrote", args.out, flush=True)
    evaluate(model, tokenizer, texts, spans, test_ids)


if __name__ == "__main__":
    main()
