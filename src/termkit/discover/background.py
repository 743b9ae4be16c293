"""General-Chinese background: jieba's dictionary frequencies and segmenter, loaded lazily.

A candidate that is one ordinary dictionary word (发展, 一定) is not a term; a dictionary word
far more frequent here than in general Chinese (改革开放 in a work report) may be.

>>> bg = Background.load()
>>> bg.freq("一定") > bg.freq("四个现代化")
True
>>> bg.words("以人民为中心")[0]
'以'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Background:
    """Word frequencies of general Chinese and a segmenter built on them."""

    frequencies: dict[str, int]
    tags: dict[str, str]  # part of speech: nr person, ns place, nt organisation, l/i/j fixed expressions
    total: int
    tokenizer: Any  # jieba.Tokenizer

    @classmethod
    def load(cls) -> Background:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        path = Path(jieba.__file__).with_name("dict.txt")
        freqs: dict[str, int] = {}
        tags: dict[str, str] = {}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2:
                    freqs[parts[0]] = int(parts[1])
                    if len(parts) > 2:
                        tags[parts[0]] = parts[2]
        return cls(freqs, tags, sum(freqs.values()), jieba.Tokenizer())

    def freq(self, word: str) -> int:
        return self.frequencies.get(word, 0)

    def relative(self, word: str) -> float:
        """Share of general Chinese running text taken by ``word`` (0 when not a dictionary word)."""
        return self.frequencies.get(word, 0) / self.total

    def tag(self, word: str) -> str:
        return self.tags.get(word, "")

    def words(self, text: str) -> list[str]:
        """Dictionary segmentation; a phrase the dictionary lists whole (认真贯彻) is split into the
        two dictionary words it is made of, so that its edges can be judged.

        >>> Background.load().words("认真贯彻")
        ['认真', '贯彻']
        """
        words = self.tokenizer.lcut(text, HMM=False)
        if len(words) == 1 and len(text) >= 3:
            splits = [k for k in range(1, len(text)) if text[:k] in self.frequencies and text[k:] in self.frequencies]
            if splits:
                k = min(splits, key=lambda k: abs(2 * k - len(text)))
                return [text[:k], text[k:]]
        return words
