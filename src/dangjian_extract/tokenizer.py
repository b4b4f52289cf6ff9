"""A coarse tokenizer that normalises the text and keeps the way back to the original.

spaCy's blank ``zh`` tokenizer makes one token per character (about 1 µs each); we only need token
boundaries where a quantity can begin or end, so ordinary text stays one token per run. The original
string and the offset map travel in ``doc.user_data`` so every component and :func:`extract` can
report offsets into the text the caller passed.
"""

from __future__ import annotations

import array
from typing import Any, TypeVar

import regex
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .grammar import build_grammar
from .lexicon import Lexicon
from .litedoc import LiteDoc
from .normalize import NormalizedText, normalize
from .spans import TEXT_KEY, doc_text

_SURROGATES = regex.compile("[\ud800-\udfff]")
_D = TypeVar("_D", Doc, LiteDoc)
ORIGINAL_KEY = "dangjian_original"
OFFSETS_KEY = "dangjian_offsets"


def _normalized(text: str) -> tuple[NormalizedText, str]:
    """The normalised text, and the same with lone surrogates swapped 1:1 for U+FFFD (spaCy's string store
    encodes to UTF-8, which they cannot be)."""
    if not isinstance(text, str):
        raise TypeError(f"expected text as str, got {type(text).__name__}")
    norm = normalize(text)
    return norm, _SURROGATES.sub("\ufffd", norm.text)


def _keep_way_back(doc: _D, text: str, norm: NormalizedText) -> _D:
    """The text the components read, the original and the offset map, in ``doc.user_data``."""
    doc.user_data[TEXT_KEY] = text
    doc.user_data[ORIGINAL_KEY] = norm.original
    doc.user_data[OFFSETS_KEY] = norm.offsets.tobytes()
    return doc


class CoarseTokenizer:
    """Normalise, then split into numerals, units after numerals, punctuation, space and text runs."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.vocab = vocab
        self.lexicon = lexicon
        self._grammar = build_grammar(lexicon)

    def __call__(self, text: str) -> Doc:
        norm, normalized = _normalized(text)
        words = self._grammar.token.findall(normalized)
        return _keep_way_back(Doc(self.vocab, words=words, spaces=[False] * len(words)), normalized, norm)

    def lite_doc(self, text: str) -> LiteDoc:
        """The normalised text as a :class:`LiteDoc` (no tokens): what :func:`~dangjian_extract.extract` runs
        the components on."""
        norm, normalized = _normalized(text)
        return _keep_way_back(LiteDoc(normalized), normalized, norm)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # spaCy serialises a pipeline's tokenizer; ours is rebuilt from the packaged lexicon
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> CoarseTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> CoarseTokenizer:
        return self


def normalized_of(doc: Doc) -> NormalizedText:
    """The NormalizedText a doc was built from (identity map for a doc made elsewhere)."""
    original = doc.user_data.get(ORIGINAL_KEY)
    raw = doc.user_data.get(OFFSETS_KEY)
    if original is None or raw is None:
        text = doc_text(doc)
        return NormalizedText(text, text, array.array("l", range(len(text) + 1)))
    offsets = array.array("l")
    offsets.frombytes(raw)
    return NormalizedText(original, doc_text(doc), offsets)


@spacy.registry.tokenizers("dangjian.coarse_tokenizer.v1")
def create_coarse_tokenizer(extra_lexicon: dict[str, Any] | None = None) -> Any:
    from .lexicon import lexicon_for

    def make(nlp: spacy.Language) -> CoarseTokenizer:
        return CoarseTokenizer(nlp.vocab, lexicon_for(extra_lexicon))

    return make


class NormalizingTokenizer:
    """Normalise as the coarse tokenizer does, then let another tokenizer (spaCy's ``zh`` one) split the text.

    For a user's own pipeline: the components see the same normalised text (half-width, simplified script,
    pinyin annotations removed) and :func:`~dangjian_extract.pipeline.records_from_doc` maps offsets back
    to the text passed, whatever the word boundaries.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        norm, normalized = _normalized(text)
        doc = self.inner(normalized)
        return _keep_way_back(doc, doc.text, norm)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> NormalizingTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> NormalizingTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self


@spacy.registry.tokenizers("dangjian.normalizing_tokenizer.v1")
def create_normalizing_tokenizer(segmenter: str = "char") -> Any:
    """spaCy's Chinese tokenizer (``segmenter`` = "char", "jieba" or "pkuseg") behind our normalisation."""
    from spacy.lang.zh import create_chinese_tokenizer

    make_inner = create_chinese_tokenizer(segmenter)

    def make(nlp: spacy.Language) -> NormalizingTokenizer:
        return NormalizingTokenizer(make_inner(nlp))

    return make
