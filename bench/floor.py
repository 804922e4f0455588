"""The floor any jieba-based builder pays: read every file of a corpus and
segment it with a bare private ``jieba.Tokenizer`` loaded with the project's
dictionary (:func:`extract.tokenise.tokenizer`). Prints documents and bytes.

    python bench/floor.py CORPUS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from extract.corpus import discover
from extract.tokenise import tokenizer


def main(folder: str) -> None:
    tk = tokenizer()
    docs = size = words = 0
    for cf in discover([Path(folder)]):
        data = cf.path.read_bytes()
        for _ in tk.tokenize(data.decode("utf-8")):
            words += 1
        docs += 1
        size += len(data)
    print(f"{docs} documents, {size} bytes, {words} words")


if __name__ == "__main__":
    main(sys.argv[1])
