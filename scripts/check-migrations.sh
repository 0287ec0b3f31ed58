#!/usr/bin/env bash
# Fails when the Drizzle schema has changes that no committed migration contains.
set -euo pipefail
scratch=.drift-check
rm -rf "$scratch" && mkdir -p "$scratch"
trap 'rm -rf "$scratch"' EXIT
cp -r drizzle/. "$scratch/"
before=$(ls "$scratch"/*.sql | wc -l)
DRIZZLE_OUT="$scratch" node_modules/.bin/drizzle-kit generate --name drift-check >/dev/null
after=$(ls "$scratch"/*.sql | wc -l)
if [ "$after" -ne "$before" ]; then
	echo "The schema and the committed migrations have drifted. Run: npm run db:generate -- --name <change>" >&2
	cat "$scratch"/*drift-check.sql >&2
	exit 1
fi
echo "migrations match the schema"
