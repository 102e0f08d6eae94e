# The image bantin's CI jobs run in, for the organisation's internal
# registry: every Debian package .ci/run installs, and wheels of every pinned
# Python package, so a job reaches no network (no apt, no PyPI). Build it
# where a Debian mirror and a PyPI mirror can be reached, then push:
#
#   docker build -t registry.example.vn/bantin/ci:1 .
#   docker push registry.example.vn/bantin/ci:1
#
# and set the CI/CD variable BANTIN_CI_IMAGE to that name (.gitlab-ci.yml).
# Behind mirrors: --build-arg PIP_INDEX_URL=https://pypi.example.vn/simple, and
# a sources.list of the Debian mirror. Rebuild when requirements.txt or
# .ci/run's list changes: tests/test_ci_image.py fails until this file agrees.
FROM python:3.11-slim-bookworm

ARG DEBIAN_FRONTEND=noninteractive
ARG PIP_INDEX_URL=https://pypi.org/simple

# .ci/run's packages, then what the jobs themselves run: make and git (the
# Makefile), rsync and openssh-client (deploy/webserver/publish.sh).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      chromium fonts-liberation \
      poppler-utils \
      tesseract-ocr tesseract-ocr-vie \
      libreoffice-writer-nogui \
      nginx openssl \
      make git rsync openssh-client \
 && rm -rf /var/lib/apt/lists/*

# `make` creates the project's .venv from these wheels with no index; the
# trial install proves the wheelhouse is complete before the image is pushed.
COPY requirements.txt /opt/bantin/requirements.txt
RUN pip wheel --no-cache-dir --index-url "$PIP_INDEX_URL" -r /opt/bantin/requirements.txt -w /opt/bantin/wheels \
 && python -m venv /tmp/trial \
 && /tmp/trial/bin/pip install --no-cache-dir --no-index --find-links /opt/bantin/wheels -r /opt/bantin/requirements.txt \
 && rm -rf /tmp/trial

ENV PIP_NO_INDEX=1 \
    PIP_FIND_LINKS=/opt/bantin/wheels \
    PIP_DISABLE_PIP_VERSION_CHECK=1
