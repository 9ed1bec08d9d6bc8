#!/usr/bin/env bash
# Update the translations from the sources, then compile them into the .qm files Qt loads.
#   1. pyside6-lupdate finds every tr(), translate() and QT_TRANSLATE_NOOP() in evcards/ and
#      adds new words to resources/translations/*.ts (unfinished, to translate) and drops the
#      ones the code no longer has; English keeps only its plural forms (-pluralonly).
#   2. Translate the unfinished entries (Qt Linguist: pyside6-linguist FILE.ts, or an editor).
#   3. pyside6-lrelease compiles each .ts into its .qm. Commit both; tests/gui/test_translations.py
#      fails when a .ts is out of date or incomplete, or a .qm was not rebuilt.
# Usage: scripts/update_translations.sh [--no-update]   (--no-update: only step 3)
# EVCARDS_TS_DIR=DIR works on copies of the .ts files in DIR (the tests check with it).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin  # PySide6 ships pyside6-lupdate and pyside6-lrelease beside its Python
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
ts_dir="${EVCARDS_TS_DIR:-resources/translations}"
sources=$(find evcards -name '*.py' | sort)
if [ "${1:-}" != "--no-update" ]; then
  # shellcheck disable=SC2086
  "$bin/pyside6-lupdate" -silent -locations none -no-obsolete -target-language zh_CN $sources -ts "$ts_dir/evcards_zh_CN.ts"
  # shellcheck disable=SC2086
  "$bin/pyside6-lupdate" -silent -locations none -no-obsolete -pluralonly -target-language en $sources -ts "$ts_dir/evcards_en.ts"
fi
for ts in "$ts_dir"/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
