"""The attribution trainer's words and labels, without PyTorch: how an article is split into words
and windows, which label each word gets from the annotated relations, which articles are held aside,
and how often each label follows each other (the table the Swift runtime decodes with).
"""

import hashlib
import unicodedata

LABELS = ["O", "B-CONTENT", "I-CONTENT", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE"]
HELD_PERCENT = 20
WINDOW_PIECES = 254
# The weight of the label bigrams against the tagger's word scores when the runtime decodes. Chosen
# from 0.3, 0.5, 0.7, 1 and 1.5 by `crosscheck eval quotes` on the held-aside articles (span F1 0.685,
# 0.695, 0.701, 0.699, 0.684 against 0.675 reading each word alone; 2026-12-04).
TRANSITION_WEIGHT = 0.7


def held_aside(article_id):
    """True for the articles kept for measurement: the first 2 bytes of SHA-256(id) below 20 %."""
    digest = hashlib.sha256(article_id.encode()).digest()
    return int.from_bytes(digest[:2], "big") % 100 < HELD_PERCENT


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_space(ch):
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs")


def words(text):
    """(start, end) of each word in Unicode scalars; newline positions end paragraphs."""
    result = []
    start = None
    for i, ch in enumerate(text):
        if is_space(ch):
            if start is not None:
                result.append((start, i))
                start = None
        elif is_punctuation(ch):
            if start is not None:
                result.append((start, i))
                start = None
            result.append((i, i + 1))
        elif start is None:
            start = i
    if start is not None:
        result.append((start, len(text)))
    return result


def windows(text, spans, pieces_of):
    """Lists of word indices: paragraphs packed up to WINDOW_PIECES pieces, long ones cut."""
    paragraphs = []
    current = []
    last_end = 0
    for index, (start, end) in enumerate(spans):
        if current and "\n" in text[last_end:start]:
            paragraphs.append(current)
            current = []
        current.append(index)
        last_end = end
    if current:
        paragraphs.append(current)
    result = []
    window, size = [], 0
    for paragraph in paragraphs:
        count = sum(pieces_of[i] for i in paragraph)
        if window and size + count > WINDOW_PIECES:
            result.append(window)
            window, size = [], 0
        if count > WINDOW_PIECES:
            for i in paragraph:
                if window and size + pieces_of[i] > WINDOW_PIECES:
                    result.append(window)
                    window, size = [], 0
                window.append(i)
                size += pieces_of[i]
            result.append(window)
            window, size = [], 0
            continue
        window += paragraph
        size += count
    if window:
        result.append(window)
    return result


def word_labels(spans, relations):
    """One label per word from the annotated relations (contents first, longest first; a word keeps
    its first label)."""
    labels = [0] * len(spans)

    def mark(ranges, begin, inside, first_begins=True):
        first = True
        for lo, hi in ranges:
            for i, (start, end) in enumerate(spans):
                if end <= lo or start >= hi or labels[i] != 0:
                    if start < hi and end > lo and labels[i] != 0:
                        first = False
                    continue
                labels[i] = begin if first and first_begins else inside
                first = False

    for relation in sorted(relations, key=lambda r: r["start"] - r["end"]):
        mark(relation.get("spans") or [[relation["start"], relation["end"]]], 1, 2)
    for relation in relations:
        if relation.get("speaker_start") is not None:
            mark([[relation["speaker_start"], relation["speaker_end"]]], 3, 4)
        if relation.get("cue_start") is not None:
            mark([[relation["cue_start"], relation["cue_end"]]], 5, 6)
    return labels


def label_transitions(articles):
    """counts[previous][next] of consecutive word labels over `articles` (each with "text" and
    "quotes"), in LABELS order."""
    counts = [[0] * len(LABELS) for _ in LABELS]
    for article in articles:
        labels = word_labels(words(article["text"]), article["quotes"])
        for previous, label in zip(labels, labels[1:]):
            counts[previous][label] += 1
    return counts
