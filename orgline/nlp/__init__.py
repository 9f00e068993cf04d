"""NLP: from a Source's text to the entities and claims in it (DocumentFacts)."""
