#!/usr/bin/env bash
# Compile the translations (resources/translations/*.ts, edited by hand or in Qt Linguist) into
# the .qm files the window loads. Run after changing a .ts file; commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
for ts in resources/translations/*.ts; do
  pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
