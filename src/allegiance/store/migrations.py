"""Schema as an ordered list of migrations. Append, never edit a migration that has shipped."""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "core tables",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            url VARCHAR,
            published DATE,
            source VARCHAR,
            lang VARCHAR,
            author VARCHAR,
            text VARCHAR NOT NULL,
            duplicate_of VARCHAR,
            minhash BLOB,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            code VARCHAR,
            sector VARCHAR,
            wikidata VARCHAR,
            kind VARCHAR,
            person VARCHAR,
            role VARCHAR,
            sentence_idx INTEGER,
            PRIMARY KEY (article_id, start_char, end_char)
        );
        CREATE TABLE actors (
            code VARCHAR PRIMARY KEY,
            name VARCHAR,
            kind VARCHAR,
            wikidata VARCHAR,
            sector VARCHAR,
            country VARCHAR
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            mode VARCHAR,
            quad VARCHAR,
            actor_code VARCHAR,
            actor_sector VARCHAR,
            recipient_code VARCHAR,
            recipient_sector VARCHAR,
            actor_codes VARCHAR[],
            recipient_codes VARCHAR[],
            factuality VARCHAR NOT NULL,
            attributed_code VARCHAR,
            amount_usd DOUBLE,
            amount_kind VARCHAR,
            location_name VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            event_date VARCHAR,
            reported_date DATE,
            sentence_idx INTEGER,
            confidence DOUBLE,
            record JSON NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "lookup indexes",
        """
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_actor ON events (actor_code);
        CREATE INDEX events_recipient ON events (recipient_code);
        CREATE INDEX mentions_code ON mentions (code);
        """,
    ),
    Migration(
        3,
        "reciprocal events",
        "ALTER TABLE events ADD COLUMN mutual BOOLEAN DEFAULT false;",
    ),
)
