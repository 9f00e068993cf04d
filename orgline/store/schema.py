"""The tables (DESIGN.md section 1). Plain names and declared foreign keys, so that the
SQLite file reads well in sqlite3, Datasette or pandas; portable types, so that the same
schema runs on PostgreSQL. Dates are kept as the EDTF string plus integer YYYYMMDD
bounds, which any SQL database can range-query."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the text
    title: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))  # EDTF: the date the source gives itself
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class SpanRow(Base):
    __tablename__ = "spans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("sources.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    label: Mapped[str] = mapped_column(Text)
    qid: Mapped[str | None] = mapped_column(String(32))


class NameRow(Base):
    __tablename__ = "names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    valid_from: Mapped[str | None] = mapped_column(String(64))
    valid_to: Mapped[str | None] = mapped_column(String(64))
    from_lo: Mapped[int | None] = mapped_column(Integer)
    to_hi: Mapped[int | None] = mapped_column(Integer)
    # which source gave this name; the keys cross-document resolution looks names up by
    source_id: Mapped[str | None] = mapped_column(String(64))
    match_key: Mapped[str] = mapped_column(Text, index=True, default="")
    block: Mapped[str] = mapped_column(Text, index=True, default="")


# a key's names in id order: resolution reads the latest few names with a key, and
# PostgreSQL walks an index in that order only when the index holds the id
Index("ix_names_match_key_id", NameRow.match_key, NameRow.id)
Index("ix_names_block_id", NameRow.block, NameRow.id)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id"), index=True)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # content-derived
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    object_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    value: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))
    date_lo: Mapped[int | None] = mapped_column(Integer)
    date_hi: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[str | None] = mapped_column(String(64))
    end_lo: Mapped[int | None] = mapped_column(Integer)
    end_hi: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    result_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(32))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    according_to_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    hedging: Mapped[str] = mapped_column(String(16), default="asserted")
    rule: Mapped[str] = mapped_column(String(64), index=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="extracted", index=True)


Index("ix_claims_dates", ClaimRow.date_lo, ClaimRow.date_hi)
Index("ix_claims_subject_type", ClaimRow.subject_id, ClaimRow.type)
# each pair of ends that links two bodies: resolution asks whether a candidate is linked to
# one of a few named bodies, and a city or a long-lived body has thousands of claims
Index("ix_claims_subject_object", ClaimRow.subject_id, ClaimRow.object_id)
Index("ix_claims_subject_result", ClaimRow.subject_id, ClaimRow.result_id)
Index("ix_claims_object_result", ClaimRow.object_id, ClaimRow.result_id)


class ClaimEvidenceRow(Base):
    __tablename__ = "claim_evidence"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id"), primary_key=True)


class ReviewRow(Base):
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    reviewer: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    claim_key: Mapped[str | None] = mapped_column(String(64), index=True)  # outlives re-extraction
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


# PostgreSQL's full-text indexes (migration 0008) are over these expressions; a query must
# repeat one word for word for the index to serve it. The 'simple' configuration
# lowercases and does not stem, as SQLite's FTS5 tables; a tsvector holds at most 1 MB, so
# a source is indexed in its first TEXT_INDEXED characters.
TEXT_INDEXED = 200_000
NAMES_TSV = "to_tsvector('simple', names.normalized)"
SOURCES_TSV = f"to_tsvector('simple', coalesce(sources.title, '') || ' ' || left(sources.text, {TEXT_INDEXED}))"
