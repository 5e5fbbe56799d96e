#!/usr/bin/env bash
# Runs `capstan serve` on the sample app: makes a bare git repository and a clone of it from sample-repo/
# (once; later runs keep your commits), then serves the API and converges the simulated cluster until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-config/capstan.yaml}
remote=.run/guestbook.git        # what Capstan watches (a bare repository, like a git server's)
work=.run/guestbook             # where you edit, commit and push
capstan=$PWD/.build/debug/capstan

if [[ ! -d $remote ]]; then
    rm -rf "$work"
    git init --quiet --bare --initial-branch=main "$remote"
    mkdir -p "$work"
    cp -R sample-repo/. "$work/"
    git -C "$work" init --quiet --initial-branch=main
    git -C "$work" config user.name "Capstan Demo"
    git -C "$work" config user.email demo@capstan.invalid
    git -C "$work" add --all
    git -C "$work" commit --quiet -m "Guestbook: first version"
    git -C "$work" remote add origin "$PWD/$remote"
    git -C "$work" push --quiet --set-upstream origin main
    echo "Created the demo repository $remote (push to it from the clone $work) from sample-repo/."
fi

# `capstan` on PATH for the second shell, when we may write there.
if [[ -w /usr/local/bin ]]; then ln -sf "$capstan" /usr/local/bin/capstan; cli=capstan; else cli=$capstan; fi

cat <<MSG

  Capstan is starting with $config; the API listens on http://127.0.0.1:7070.
  In another shell:
    $cli apps                       # sync status, revision, health
    $cli app guestbook -o json      # the app as the API returns it
    $cli get pods -n guestbook      # what the simulated cluster runs
    $cli history guestbook          # every sync, with commit and change set
  To deploy a change, edit a manifest in $work/guestbook/, commit and push (Capstan polls every 10 s):
    git -C $work commit -qam "Scale frontend" && git -C $work push -q && $cli sync guestbook --wait
  To go back: $cli rollback guestbook --wait   (a commit on main; then git -C $work pull)
  Ctrl-C stops the service; the state stays in .run/state.

MSG
exec "$capstan" serve --config "$config"
