#!/usr/bin/env bash
# Runs `capstan serve` on the sample app: makes a local git repository from sample-repo/ (once; later runs
# keep your commits), then serves the API and converges the simulated cluster until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-config/capstan.yaml}
repo=.run/guestbook-repo
capstan=$PWD/.build/debug/capstan

if [[ ! -d $repo/.git ]]; then
    mkdir -p "$repo"
    cp -R sample-repo/. "$repo/"
    git -C "$repo" init --quiet --initial-branch=main
    git -C "$repo" add --all
    git -C "$repo" -c user.name="Capstan Demo" -c user.email=demo@capstan.invalid commit --quiet -m "Guestbook: first version"
    echo "Created the demo repository $repo from sample-repo/."
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
  To deploy a change, edit a manifest in $repo/guestbook/ and commit it there:
    git -C $repo commit -am "Scale frontend" && $cli sync guestbook
  Ctrl-C stops the service; the state stays in .run/state.

MSG
exec "$capstan" serve --config "$config"
