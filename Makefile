# Two commands do all the set-up on a fresh machine with Python >= 3.10, pip and make:
#   make build   -> builds the graph from seeds/ into output/
#   make test    -> runs the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: build test bench browser score errors swap shapes model arrays clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $@

build: $(STAMP)
	$(BIN)/kg build seeds/ --out output/

test: $(TSTAMP)
	$(BIN)/python -m pytest -q

# Debian's chromium and CJK fonts for the browser tests (needs root, as on CI).
browser:
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk)

bench: $(TSTAMP)
	$(BIN)/python -m bench

# The scorer on seeds and dev side by side, each built fresh from the current code.
score: $(STAMP)
	$(BIN)/python -m bench.score

# Every missed and spurious entity, creator and relation of seeds and dev, with its sentence.
errors: $(STAMP)
	$(BIN)/python -m bench.errors --relations

# What extraction keeps when the seeds' people and places are swapped for other real names (no
# gold needed): a measure of generalisation (bench/swap.py; needs ../shared/ner-data).
swap: $(STAMP)
	$(BIN)/python -m bench.swap --variants 10

# The genre's common sentence shapes filled with real names: the share of fills in which every
# stated fact is found (bench/shapes.py; needs ../shared/ner-data).
shapes: $(STAMP)
	$(BIN)/python -m bench.shapes

# Retrain the name tagger shipped in kg/data (docs/ner.md): about four minutes on one core,
# byte for byte the same model from the same data.
NER_DATA ?= ../shared/ner-data
model: $(STAMP)
	$(BIN)/kg train-ner --data $(NER_DATA) --out kg/data/ner.crfsuite

# The tagger's weights as arrays (kg/data/ner.crfsuite.npz), again from the shipped model: after
# an edit of kg/data/surnames.txt, which they depend on too (train-ner writes them itself).
arrays: $(STAMP)
	$(BIN)/python -c "from kg.recognise.tagger import MODEL, save_weights; save_weights(MODEL)"

clean:
	rm -rf $(VENV) output/.cache
