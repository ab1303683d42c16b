"""Erasure of one customer across every tools/ store and the files of the data folder.

- erase.py: erase_customer -> Erasure (journey store, feedback store, persona cards, sample
  files, terminal history, map files, then the files compacted).
- needles.py: Needles (the id, names, emails and texts to look for, in text and raw bytes).
- files.py: erase_in_files (tables and notes of the data folder and inboxes), scrub_history,
  drop_rendered, residue (the raw-byte check).

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
