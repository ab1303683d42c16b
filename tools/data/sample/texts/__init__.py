"""The words of surveys and tickets: phrase banks (survey_phrases, ticket_phrases), the
{slots} they are filled with, and the composer that writes one text at a time."""
