#!/usr/bin/env bash
# Publish to a plain web server: build with --strict, upload into a new
# release folder, then switch the "current" link in one step. Readers never
# see half a site, and the previous release stays for rollback.
#
#   BANTIN_TARGET=bantin@may-chu.example:/srv/bantin deploy/webserver/publish.sh
#
# nginx serves /srv/bantin/current (see deploy/nginx/bantin.conf).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BANTIN_TARGET:?đặt BANTIN_TARGET=người-dùng@máy-chủ:/thư-mục}"
host=${BANTIN_TARGET%%:*}
root=${BANTIN_TARGET#*:}
release=$(git rev-parse --short HEAD)-$(date -u +%Y%m%d%H%M%S)

make check
make build
rsync -a --delete site/ "$host:$root/releases/$release/"
ssh "$host" "ln -sfn '$root/releases/$release' '$root/current.new' && mv -T '$root/current.new' '$root/current' \
  && ls -1dt '$root'/releases/* | tail -n +6 | xargs -r rm -rf"
echo "Đã đăng bản $release."
