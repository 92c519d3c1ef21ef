"""Customer store: SQLAlchemy models, CSV import, seeding, the screen-pop card and sync.

No Qt here (enforced by import-linter). Functions take a session or engine opened by the
caller and return plain records (dataclasses, dicts), never ORM objects across threads.
"""
