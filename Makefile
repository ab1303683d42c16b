# Shortcuts; the scripts are the source of truth (README uses them directly).
.PHONY: demo test test-slow bench check lint
demo:
	./scripts/demo
test:
	./scripts/test
test-slow:
	./scripts/test -m slow
bench:
	./scripts/bootstrap && .venv/bin/python bench/ingest.py
lint:
	./scripts/bootstrap && .venv/bin/ruff check bot tools tests bench
check: lint test
