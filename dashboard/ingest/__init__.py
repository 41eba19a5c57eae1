"""Ingest assistant: from a news article to candidate records, every field traced to its words.

One module per kind of record (launches, statements, events), with the shared pieces they use
(text, dates, gazetteer, actors), the pipeline that runs them, the review file, merge, verify
and the evaluation against the gold set.
"""
