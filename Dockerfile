# journeybot as a container: non-root, the offline embedding model inside, a health check.
#
#   docker build -t journeybot .
#   docker run -d --init --name journeybot --restart unless-stopped --stop-timeout 60 \
#     -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -v journeybot-data:/data journeybot
#
# See docs/DEPLOY.md for compose files (one instance; PostgreSQL, Chroma and two instances).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# torch is large; its CPU-only build keeps the image about 1.5 GB smaller than the default one.
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY tools ./tools
COPY prompts ./prompts
RUN python -m venv /opt/journeybot \
 && /opt/journeybot/bin/pip install --index-url "${TORCH_INDEX}" "torch==2.13.0" \
 && /opt/journeybot/bin/pip install ".[local]"

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 journeybot \
 && useradd --system --uid 10001 --gid journeybot --home-dir /data --no-create-home \
      --shell /usr/sbin/nologin journeybot \
 && mkdir -p /data /config && chown journeybot:journeybot /data
COPY --from=build /opt/journeybot /opt/journeybot
COPY deploy/docker-entrypoint.sh /usr/local/bin/journeybot-entrypoint
ENV PATH=/opt/journeybot/bin:$PATH \
    JOURNEYBOT_HOME=/data \
    JOURNEYBOT_LOG_FORMAT=json \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    PYTHONUNBUFFERED=1
# The offline embedding model ships in a Python package: fail the build if it is not there,
# rather than the first feedback search in production.
RUN python -c "from tools.feedback.embeddings import local_model_path; print('embedding model:', local_model_path())"
# The onnxruntime export of the same weights (checked against torch, cosine >= 0.999) and its
# int8 quantisation ([feedback] encoder_precision = "int8") are made once here, read-only
# for the service, so the first feedback question does not wait for them.
ENV JOURNEYBOT_MODEL_CACHE=/opt/journeybot-models
RUN python -c "from tools.feedback.embeddings import LocalEmbedder; [print('encoder:', e.runtime, e.runtime_note, e.embed(['ok']).shape) for e in (LocalEmbedder(cache_dir='/opt/journeybot-models', precision=p) for p in ('fp32', 'int8'))]"
# The vectors of the offline planner's labelled phrasings (bot/agent/similar.py), so the first
# question read by resemblance does not wait seconds for 1,352 phrasings to be embedded.
RUN python -c "from pathlib import Path; from bot.agent.similar import EXEMPLARS, Exemplars; from tools.feedback.embeddings import LocalEmbedder; m = Path('/opt/journeybot-models'); [print('planner phrasings:', p, Exemplars(EXEMPLARS, LocalEmbedder(cache_dir=m, precision=p), m).vectors().shape) for p in ('fp32', 'int8')]"
USER journeybot:journeybot
WORKDIR /data
VOLUME ["/data"]
# 3000: Slack's requests in HTTP mode (/slack/events, /health, /ready, /metrics);
# 8080: /health, /ready and /metrics in Socket Mode.
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["journeybot-entrypoint", "healthcheck"]
# `docker stop`'s signal (Docker's default, said here): serve stops cleanly on it, ending the
# index batch under way first (up to 30 s). Docker kills after 10 s unless told more: the run
# line above and the compose files give it 60 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["journeybot-entrypoint"]
CMD ["serve"]
