"""Feedback: what customers wrote (survey answers, tickets, reviews), searchable by meaning.

Modules, from text to answers (each lower one imports only those above it):
- embeddings: Embedder (the protocol), LocalEmbedder (the offline default model).
- language: detect_languages.
- scoring: score_texts, label_scores (sentiment per text), train_head, head_for.
- store: FeedbackStore (the Chroma collection: open, check the embedder, read as a frame),
  build_where and matches (one filter, for Chroma and in Python), get_all.
- documents: documents_from_store, documents_from_file with TextFile (what gets indexed, as
  one frame of DOC_COLUMNS).
- index: chunk_documents, prepare_documents, index_documents, index_store, index_file ->
  IndexReport, stored_ids.
- status: index_status -> IndexStatus (how many of the journey store's texts are indexed, and
  the note an answer from a partly indexed store carries).
- search: search(SearchParams) -> SearchResult of Quote; quote_from_chunk.
- forget: forget_texts (a customer's chunks, Chroma's write-ahead queue purged or the collection
  rebuilt), compact_folder (chroma.sqlite3 VACUUMed), forget_customer -> ForgetResult.
- sentiment: sentiment_summary(SentimentParams) -> SentimentResult, customer_sentiment.
- themes: themes(ThemesParams) -> ThemesResult, with cluster and top_terms.

Submodules are imported where used, so importing this package stays cheap.
"""
