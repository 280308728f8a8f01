#!/bin/sh
# Masthead's container entrypoint (docs/deployment.md). One role per container:
#   serve [options]    `masthead serve` on 0.0.0.0:$PORT (default 8000); MASTHEAD_MIGRATE=1
#                      runs `masthead migrate` first (in one container only)
#   worker [options]   `masthead worker`, the scheduler and background tasks
#   anything else      a `masthead` command, e.g. `backup`, `restore ARCHIVE`, `createsuperuser`
# exec: masthead becomes the container's main process and gets its SIGTERM directly. Run the
# container with an init (`docker run --init`, `init: true` in compose) to reap orphans.
set -eu
umask 077
role="${1:-serve}"
[ "$#" -gt 0 ] && shift
case "$role" in
  serve)
    if [ "${MASTHEAD_MIGRATE:-0}" = 1 ]; then masthead migrate --noinput; fi
    exec masthead serve --host 0.0.0.0 "$@"
    ;;
  worker)
    exec masthead worker "$@"
    ;;
  *)
    exec masthead "$role" "$@"
    ;;
esac
