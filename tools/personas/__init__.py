"""Personas from customer behaviour: drafted and edited in a conversation, saved for every
analysis (`Filters.persona`).

- draft.py: draft_personas (one card per behavioural segment); build_card, load_draft
- edit.py: edit_persona (merge, narrow, refocus, add or remove a pain point, rename)
- saved.py: save_persona, list_personas, show_persona, export_personas
- params.py: DraftPersonasParams, EditPersonaParams, SavePersonaParams, ListPersonasParams,
  ShowPersonaParams; PersonaDraftResult, SavedPersonaResult, PersonaListResult, PersonaCardResult
- card.py: Persona, PainPoint, Quote (the card and how its facts read)
- words.py: Writer, template_words, checked_words (the words on a card, a model's checked)
- segments.py: segment_customers, customer_features (KMeans on behaviour)
- facts.py: persona_facts, member_texts, pain_points (the numbers and feedback of the members)
- store.py: drafts, saved versions and the persona_members view in journey.duckdb

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
