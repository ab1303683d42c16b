"""The feedback store on a real Chroma server (`[feedback] chroma_url`, `chroma run`): the
same indexing, search and erasure as the local folder, shared by two instances, with
journeybot's own embedding function on every call (Chroma's default would download a model)."""

from __future__ import annotations

import pytest
from fakes.embedders import HashEmbedder
from test_feedback import journey  # noqa: F401 - the fixture, shared with the folder tests

from tools.core.errors import ToolUnavailable
from tools.feedback.forget import forget_customer
from tools.feedback.index import index_store
from tools.feedback.search import SearchParams, search
from tools.feedback.store import FeedbackStore


def on_server(url: str, collection: str, embedder=None) -> FeedbackStore:
    return FeedbackStore(url=url, embedder=embedder or HashEmbedder(), timezone="Europe/London",
                         collection=collection)


def test_two_instances_index_search_and_forget_through_one_chroma_server(journey, chroma_url, request):  # noqa: F811
    name = "fb-" + request.node.name[-40:].replace("_", "-").strip("-")
    one, two = on_server(chroma_url, name), on_server(chroma_url, name)
    report = index_store(one, journey)
    assert report.added > 0
    again = index_store(two, journey)  # the other instance finds everything indexed already
    assert again.added == 0 and one.count() == two.count()
    found = search(two, SearchParams(query="payment card declined at checkout"), store=journey)
    assert found.quotes[0].id in {"survey:S1", "ticket:T1"}
    assert "4111" not in found.quotes[0].text  # redacted before it was stored on the server
    forget_customer("C1", store=journey, fb=one)
    assert two.get({"customer_id": {"$eq": "C1"}})["ids"] == []
    # The collection records journeybot's embedding function, not Chroma's default.
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1]))
    config = client.get_collection(name, embedding_function=two._ef()).configuration_json
    assert config["embedding_function"]["name"] == "journeybot"


def test_an_unreachable_chroma_server_says_what_to_do():
    fb = on_server("http://127.0.0.1:9", "feedback")
    with pytest.raises(ToolUnavailable, match="Chroma server at http://127.0.0.1:9 is unreachable"):
        fb.count()
