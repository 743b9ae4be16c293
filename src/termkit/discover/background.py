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

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Background:
    """Word frequencies of general Chinese and a segmenter built on them."""

    frequencies: dict[str, int]
    tags: dict[str, str]  # part of speech: nr person, ns place, nt organisation, l/i/j fixed expressions
    total: int
    tokenizer: Any  # jieba.Tokenizer
    _name_tags: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # see name_tag

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

    def name_tag(self, text: str) -> str:
        """jieba's part of speech for ``text`` when its tagger, with the HMM it uses for words the dictionary
        lacks (most people's names), reads it as one word; ``""`` when it reads more than one.

        >>> bg = Background.load()
        >>> bg.name_tag("蔡旭哲"), bg.name_tag("沙漠"), bg.name_tag("到乡村")
        ('nr', 'n', '')
        """
        if (tag := self._name_tags.get(text)) is None:  # the screen and the runs of names ask of the same items
            words = list(self._tagger.cut(text))
            tag = self._name_tags[text] = words[0].flag if len(words) == 1 else ""
        return tag

    def flags(self, text: str) -> list[str]:
        """jieba's part of speech of each word of ``text``, as its tagger reads it (with the HMM).

        >>> Background.load().flags("走在前")[0][:1], Background.load().flags("党员")
        ('v', ['n'])
        """
        return [w.flag for w in self._tagger.cut(text)]

    @functools.cached_property
    def _tagger(self) -> Any:
        import jieba.posseg

        tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        # importing jieba.posseg reads dict.txt once for its default tagger (about 0.5 s, paid on the first run a
        # story has); its constructor would read it again for the tags this class has read (word_tag_tab is what
        # it fills)
        tagger.tokenizer, tagger.word_tag_tab = self.tokenizer, self.tags
        return tagger

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
