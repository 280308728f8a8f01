"""The read-only content API under /api/: public stories, sections, people and tags as JSON."""
