"""Arrow schemas of the tables we bulk-insert (kept beside the migrations that create them)."""

import pyarrow as pa

_S, _I, _F = pa.string(), pa.int32(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", _S),
            ("title", _S),
            ("url", _S),
            ("published", pa.date32()),
            ("source", _S),
            ("lang", _S),
            ("author", _S),
            ("text", _S),
            ("duplicate_of", _S),
            ("minhash", pa.binary()),
        ]
    ),
    "sentences": pa.schema(
        [("article_id", _S), ("idx", _I), ("start_char", _I), ("end_char", _I), ("text", _S)]
    ),
    "mentions": pa.schema(
        [
            ("article_id", _S),
            ("start_char", _I),
            ("end_char", _I),
            ("text", _S),
            ("code", _S),
            ("sector", _S),
            ("wikidata", _S),
            ("kind", _S),
            ("person", _S),
            ("role", _S),
            ("sentence_idx", _I),
        ]
    ),
    "actors": pa.schema(
        [
            ("code", _S),
            ("name", _S),
            ("kind", _S),
            ("wikidata", _S),
            ("sector", _S),
            ("country", _S),
        ]
    ),
    "events": pa.schema(
        [
            ("id", _S),
            ("article_id", _S),
            ("event", _S),
            ("mode", _S),
            ("quad", _S),
            ("actor_code", _S),
            ("actor_sector", _S),
            ("recipient_code", _S),
            ("recipient_sector", _S),
            ("actor_codes", pa.list_(_S)),
            ("recipient_codes", pa.list_(_S)),
            ("factuality", _S),
            ("attributed_code", _S),
            ("amount_usd", _F),
            ("amount_kind", _S),
            ("location_name", _S),
            ("lat", _F),
            ("lon", _F),
            ("event_date", _S),
            ("reported_date", pa.date32()),
            ("sentence_idx", _I),
            ("confidence", _F),
            ("record", _S),
            ("mutual", pa.bool_()),
        ]
    ),
}
