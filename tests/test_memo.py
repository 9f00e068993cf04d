"""The remembering lemmatizer and attribute ruler (orgline.nlp.memo) annotate exactly as
the stock components do: compared token by token with a pipeline loaded plainly."""
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from orgline.nlp.memo import REMEMBERED, remember
from orgline.nlp.pipeline import load, model_name

TEXTS = [
    # the same words again and again, in changing roles: what the memory is for
    "The Weavers' Guild was founded in 1921. The guild founded a school, and the school "
    "founds clubs still. Founding members left; the founders' sons stayed.",
    "Orchard Lane Cooperative merged with two dairies in 1958 and was renamed Valley Milk. "
    "It is running three depots and runs a fourth since the dairies' merger.",
    "The Northern Chess League split from the federation; its leaders said they had been "
    "expelled, which the federation denies. They are better organized than ever, and best funded.",
    # one word, several parts of speech or roles, so several lemmas and morphologies
    "The joiners saw that the saw was blunt. The society leaves its hall when the leaves "
    "fall. Members who left founded the Left Caucus; they wanted to found a school and "
    "found none. It had a press, it had printed tracts, and the league bought it. That "
    "union was older; that was plain. There were two splits, and there is a third.",
    # patterns that read a neighbour: "ai n't", "gon na", "got ta", "let 's"
    "The rowers ain't leaving, and the club's secretary says they're gonna stay. Let's see: "
    "we gotta wait, don't we? Y'all can't tell.",
    # spaces, a dateline, numbers and symbols
    "OSLO, 3 May 1999 -  The  union  (NTU)\n\nvoted 12–4 to join the ITF; £40,000 was raised.",
]

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def annotations(nlp, texts):
    return [(doc.to_array(ANNOTATIONS).tolist(), [t.lemma_ for t in doc], [str(t.morph) for t in doc])
            for doc in nlp.pipe(texts)]


def test_remembering_components_annotate_as_the_stock_ones():
    plain = spacy.load(model_name())
    remembering = spacy.load(model_name())
    remember(remembering)
    twice = TEXTS + TEXTS  # the second reading answers from memory
    assert annotations(remembering, twice) == annotations(plain, twice)


def test_numpy_blas_annotates_as_blis():
    """orgline loads the model with its matrix products on numpy's BLAS (pipeline.py); the
    stock load uses BLIS. Floating-point sums in another order must not change a decision."""
    from thinc.api import NumpyOps
    from orgline.nlp.pipeline import _numpy_blas

    stock = spacy.load(model_name())
    with _numpy_blas():
        numpy_blas = spacy.load(model_name())
    for name in ("tok2vec", "tagger", "parser", "ner"):
        stock_ops, ours = stock.get_pipe(name).model.ops, numpy_blas.get_pipe(name).model.ops
        assert isinstance(ours, NumpyOps) and not ours.use_blis and stock_ops.use_blis
    texts = TEXTS + [
        "In March 1987 the Tenants' Federation of Leeds and the West Riding Housing Trust "
        "agreed to merge; the new body, Housing Action North, opened offices in Bradford.",
        "Dr. Amara Osei, who chaired the Ghana Cocoa Growers' Association from 1962, "
        "later founded the Pan-African Farmers' Union (PAFU) in Accra with Kwame Mensah.",
    ]
    assert annotations(numpy_blas, texts) == annotations(stock, texts)
    assert [[(e.text, e.label_) for e in d.ents] for d in numpy_blas.pipe(texts)] == \
        [[(e.text, e.label_) for e in d.ents] for d in stock.pipe(texts)]


def test_orgline_pipeline_remembers():
    nlp = load()
    assert not nlp.get_pipe("ner").model.ops.use_blis  # loaded on numpy's BLAS
    lemmatizer, ruler = nlp.get_pipe("lemmatizer"), nlp.get_pipe("attribute_ruler")
    assert lemmatizer.lemmatize.__qualname__.startswith("_lemmas_remembered")
    assert ruler.match.__qualname__.startswith("_matches_remembered")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    doc = nlp("The guilds were founded by weavers who ain't gonna stop.")
    assert [t.lemma_ for t in doc][:5] == ["the", "guild", "be", "found", "by"]
    assert [doc[7].lemma_, doc[9].lemma_, doc[10].lemma_] == ["be", "go", "to"]  # "ai(n't)", "gon na"


def test_memory_is_bounded(monkeypatch):
    """Past REMEMBERED answers the memory starts afresh, and still answers right."""
    import orgline.nlp.memo as memo
    monkeypatch.setattr(memo, "REMEMBERED", 3)
    plain, remembering = spacy.load(model_name()), spacy.load(model_name())
    remember(remembering)
    assert annotations(remembering, TEXTS) == annotations(plain, TEXTS)
    for wrapped in (remembering.get_pipe("lemmatizer").lemmatize, remembering.get_pipe("attribute_ruler").match):
        memory = [c.cell_contents for c in wrapped.__closure__ if isinstance(c.cell_contents, dict)]
        assert len(memory) == 1 and 0 < len(memory[0]) <= 3
    assert REMEMBERED > 1000  # the real bound: large enough to matter
