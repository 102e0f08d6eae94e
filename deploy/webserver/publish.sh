#!/usr/bin/env bash
# Publish to the organisation's web server: build with --strict, then install
# the new release and switch the "current" link in one rename, with the same
# code `make build` uses (src/bantin/publish.py, standard library only, so the
# server needs python3 but not bantin). Readers never see half a site; two
# publishes wait for each other; the previous releases stay for rollback.
#
#   BANTIN_TARGET=bantin@may-chu.example:/srv/bantin deploy/webserver/publish.sh   # over ssh
#   BANTIN_TARGET=/srv/bantin deploy/webserver/publish.sh                         # on the server
#
# BANTIN_SITE=<folder> publishes a folder already built (by an earlier CI job)
# instead of building; BANTIN_KEEP (default 5) is how many releases to keep.
# nginx serves /srv/bantin/current (see deploy/nginx/bantin.conf).
# Roll back: python3 src/bantin/publish.py rollback --site /srv/bantin/current --releases /srv/bantin/releases
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BANTIN_TARGET:?đặt BANTIN_TARGET=người-dùng@máy-chủ:/thư-mục hoặc BANTIN_TARGET=/thư-mục trên máy này}"
keep=${BANTIN_KEEP:-5}

if [ -z "${BANTIN_SITE:-}" ]; then
  make check
  make build
  BANTIN_SITE=site
fi

case "$BANTIN_TARGET" in
  *:*)
    host=${BANTIN_TARGET%%:*}
    root=${BANTIN_TARGET#*:}
    # Upload beside the releases (only what changed travels), then install a
    # copy as a new release on the server and switch to it.
    rsync -a --delete "$BANTIN_SITE/" "$host:$root/upload/"
    ssh "$host" "python3 - install $(printf '%q' "$root/upload") --site $(printf '%q' "$root/current") \
      --releases $(printf '%q' "$root/releases") --keep $keep" < src/bantin/publish.py
    ;;
  *)
    root=$BANTIN_TARGET
    "${PYTHON:-python3}" src/bantin/publish.py install "$BANTIN_SITE" --site "$root/current" \
      --releases "$root/releases" --keep "$keep"
    ;;
esac
