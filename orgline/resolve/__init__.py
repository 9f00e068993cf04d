"""Resolve: from mentions and draft claims to the entities of one document
(:mod:`.document`, which reads spaCy Docs), and across documents (:mod:`.across`, which
reads names only). Neither is imported here, so that the store, which needs only names,
does not load spaCy with them: a writer process stays light."""
