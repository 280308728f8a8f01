"""`masthead backup` and `masthead restore`: the database, the media and the secret key in one
archive (docs/backup.md).

The parts: `archive` (the tar file, its manifest and the checksum of every member), `database`
(an online SQLite copy through sqlite3's backup API, or `pg_dump`/`pg_restore`), `media` (the
files of the default storage: the local folder or object storage), `schema` (migration state:
what the archive needs that this code does not know).
"""
