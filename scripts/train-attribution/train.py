"""Train the attribution tagger: which words of a news article are reported content (what was said,
written or thought), its source (the speaker mention) and its cue ("said", "according to").

A token classifier fine-tuned from all-MiniLM-L6-v2 on the PolNeAR attribution relations in
shared/data/quotes/dev.jsonl, except the articles held aside for measurement (20 % by SHA-256 of
the article id; `crosscheck eval quotes` measures on the same articles). One label per word,
read from the word's first word piece:

    O, B-CONTENT, I-CONTENT, B-SOURCE, I-SOURCE, B-CUE, I-CUE

A content split by an inserted attribution ("“…,” he said, “…”") continues with I-CONTENT, so the
runtime joins its pieces into one relation.

Words: the text split at whitespace, each punctuation character a word of its own (BERT's basic
split; the Swift runtime splits the same way). Windows: paragraphs (split at newlines) packed in
text order up to 254 word pieces; a longer paragraph is cut at word boundaries.

The word embeddings stay frozen, so the exported file leaves them out and the Swift runtime takes
them from the encoder's file (its SHA-256 is recorded in the manifest), as for the stance model.

    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install -r scripts/train-stance/requirements.txt
    /tmp/torchenv/bin/python scripts/train-attribution/train.py --data ../shared/data/quotes \\
        --encoder Sources/CrosscheckModels/Models/encoder \\
        --out Sources/CrosscheckModels/Models/attribution \\
        --reference Tests/CrosscheckKitTests/Resources/attribution/reference.json
"""

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import torch
from safetensors.torch import load_file

# The same runtime model and tokenizer as the stance trainer.
_spec = importlib.util.spec_from_file_location("stance_train", Path(__file__).resolve().parent.parent / "train-stance" / "train.py")
_stance = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_stance)
CrossEncoder, make_tokenizer = _stance.CrossEncoder, _stance.make_tokenizer

# The words, windows and labels (no PyTorch needed; transitions.py uses them alone).
_labels_spec = importlib.util.spec_from_file_location("attribution_wordlabels", Path(__file__).resolve().parent / "wordlabels.py")
_labels = importlib.util.module_from_spec(_labels_spec)
_labels_spec.loader.exec_module(_labels)
LABELS, HELD_PERCENT, WINDOW_PIECES = _labels.LABELS, _labels.HELD_PERCENT, _labels.WINDOW_PIECES
held_aside, words, windows, word_labels = _labels.held_aside, _labels.words, _labels.windows, _labels.word_labels


def encode_article(tokenizer, text, relations=None):
    """Windows of (piece ids, first-piece positions, word indices[, word labels])."""
    spans = words(text)
    if not spans:
        return []
    encoded = tokenizer.encode([text[s:e] for s, e in spans], is_pretokenized=True, add_special_tokens=False)
    pieces = [[] for _ in spans]
    for token_id, word_id in zip(encoded.ids, encoded.word_ids):
        if word_id is not None:
            pieces[word_id].append(token_id)
    unk = tokenizer.token_to_id("[UNK]")
    pieces = [p if p else [unk] for p in pieces]
    labels = word_labels(spans, relations) if relations is not None else None
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    result = []
    for window in windows(text, spans, [len(p) for p in pieces]):
        ids, firsts = [cls], []
        for i in window:
            piece = pieces[i][: WINDOW_PIECES]
            if len(ids) + len(piece) > WINDOW_PIECES + 1:
                piece = piece[: WINDOW_PIECES + 1 - len(ids)]
            firsts.append(len(ids))
            ids += piece
        ids.append(sep)
        result.append((ids, firsts, window, [labels[i] for i in window] if labels else None))
    return result


class Tagger(CrossEncoder):
    def __init__(self, weights, config):
        super().__init__(weights, config)
        self.head = torch.nn.Linear(config["hidden_size"], len(LABELS))

    def forward(self, ids, types, mask):
        return self.head(self.dropout(self.states(ids, types, mask)))


def batch_tensors(items):
    length = max(len(ids) for ids, *_ in items)
    ids = torch.zeros((len(items), length), dtype=torch.long)
    mask = torch.zeros((len(items), length), dtype=torch.long)
    for row, (token_ids, *_) in enumerate(items):
        ids[row, : len(token_ids)] = torch.tensor(token_ids)
        mask[row, : len(token_ids)] = 1
    return ids, torch.zeros_like(ids), mask


def export(model, out, encoder_manifest, info, name="crosscheck-attribution-minilm-l6", kind="attribution-tagger", labels=LABELS,
           transitions=None):
    """Writes the model and its manifest (`name`, version `kind`-digest, `labels`, the label
    bigram counts the runtime decodes with when given) to `out`."""
    digest = _stance.save_weights(model, out)
    manifest = {
        "name": name,
        "labels": labels,
        "sha256": digest,
        "version": kind + "-" + digest[:12],
        "maxLength": WINDOW_PIECES + 2,
        "input": "[CLS] words of packed paragraphs [SEP]; one label per word, read at its first piece",
        "wordEmbeddingsFrom": {"name": encoder_manifest["name"], "sha256": encoder_manifest["sha256"]},
        "storage": "float16 layers, float32 classifier",
        "training": info,
    }
    if transitions is not None:
        manifest["transitions"] = transitions
        manifest["transitionWeight"] = _labels.TRANSITION_WEIGHT
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


REFERENCE_TEXTS = [
    "“We will not back down,” said Dr. Lee Sung-yoon, a Korea expert at Tufts University.",
    "The senator told reporters that the bill would pass before the recess, according to two aides.",
    "Officials said the talks had stalled.\nThe minister warned that “nothing is settled yet.”",
    "Prices rose 3.2% in October, the statistics office reported on Tuesday.",
]


def reference(model_dir, encoder_dir, tokenizer, config, out_path, texts=REFERENCE_TEXTS, labels=LABELS, tagger=None):
    """The exported model's word labels' probabilities (float16 weights widened) on fixed texts."""
    weights, head = _stance.load_exported(model_dir, encoder_dir)
    model = (tagger or Tagger)(weights, config)
    model.head.weight.data = head["classifier.weight"].float()
    model.head.bias.data = head["classifier.bias"].float()
    model.eval()
    items = []
    with torch.no_grad():
        for text in texts:
            rows = []
            for ids, firsts, window, _ in encode_article(tokenizer, text):
                logits = model(*batch_tensors([(ids,)]))[0]
                probs = torch.softmax(logits, -1)
                rows += [probs[f].tolist() for f in firsts]
            items.append({"text": text, "words": [list(s) for s in words(text)], "probabilities": rows})
    manifest = json.loads((model_dir / "manifest.json").read_text())
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps({"model": manifest["version"], "labels": labels, "texts": items}, indent=1) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True, help="shared/data/quotes")
    parser.add_argument("--encoder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference", type=Path)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit-steps", type=int, default=0, help="stop early (for timing)")
    parser.add_argument("--reference-only", action="store_true", help="only write --reference from the model in --out")
    args = parser.parse_args()
    config = json.loads((args.encoder / "config.json").read_text())
    tokenizer = make_tokenizer(args.encoder / "vocab.txt", 512)
    tokenizer.no_truncation()
    if args.reference_only:
        reference(args.out, args.encoder, tokenizer, config, args.reference)
        return

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    articles = [json.loads(line) for line in (args.data / "dev.jsonl").open()]
    training = [a for a in articles if not held_aside(a["id"])]
    items = [w for a in training for w in encode_article(tokenizer, a["text"], a["quotes"])]
    print(f"{len(training)} training articles of {len(articles)}, {len(items)} windows", flush=True)

    model = Tagger(load_file(str(args.encoder / "model.safetensors")), config)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
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
            loss = torch.nn.functional.cross_entropy(logits[rows, cols], torch.tensor(gold))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            if step % 50 == 0:
                elapsed = time.time() - started
                print(f"step {step}/{total} loss {loss.item():.3f} {elapsed / 60:.1f} min", flush=True)
            if args.limit_steps and step >= args.limit_steps:
                break
        if args.limit_steps and step >= args.limit_steps:
            break
    minutes = (time.time() - started) / 60
    print(f"trained {step} steps in {minutes:.1f} min", flush=True)
    info = {
        "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "threads": args.threads,
        "minutes": round(minutes, 1), "articles": len(training), "windows": len(items),
        "held_aside": {"quotes-dev": HELD_PERCENT}, "torch": torch.__version__,
    }
    export(model, args.out, json.loads((args.encoder / "manifest.json").read_text()), info,
           transitions=_labels.label_transitions(training))
    if args.reference:
        reference(args.out, args.encoder, tokenizer, config, args.reference)
    print("wrote", args.out, flush=True)


if __name__ == "__main__":
    main()
