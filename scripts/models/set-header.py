#!/usr/bin/env python3
"""Set one header field of a CROSSCHECK-MODEL file, leaving its weights as they are.

    python3 scripts/models/set-header.py Sources/CrosscheckModels/Models/spam.model lists ee173324d489

Used once to record, in the models trained before model files carried it, the digest of the word
lists their features read (FeatureLists.digest); `crosscheck train` writes it itself since.
"""
import json
import struct
import sys

path, key, value = sys.argv[1:4]
data = open(path, "rb").read()
end = data.index(b"\n") + 1
assert data.startswith(b"CROSSCHECK-MODEL 1 "), f"{path} is not a crosscheck model file"
(length,) = struct.unpack("<I", data[end:end + 4])
header = json.loads(data[end + 4:end + 4 + length])
header[key] = value
# Sorted keys and no spaces, as ModelFile.encoded() writes the header.
encoded = json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
open(path, "wb").write(data[:end] + struct.pack("<I", len(encoded)) + encoded + data[end + 4 + length:])
