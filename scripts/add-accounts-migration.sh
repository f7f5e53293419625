#!/usr/bin/env bash
# Adds a migration NAME to the accounts schema (users, tokens, audit, attachments) for both providers.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-accounts-migration.sh NAME}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/PolicyFlow.Host --context "${ctx}AccountsDbContext" \
    --output-dir "Storage/Migrations/Accounts$ctx" --namespace "PolicyFlow.Host.Storage.Migrations.Accounts$ctx"
  # With --namespace, EF writes the snapshot under a folder named after the namespace: move it beside the migrations.
  snapshot="src/PolicyFlow.Host/PolicyFlow/Host/Storage/Migrations/Accounts$ctx/${ctx}AccountsDbContextModelSnapshot.cs"
  if [ -f "$snapshot" ]; then mv "$snapshot" "src/PolicyFlow.Host/Storage/Migrations/Accounts$ctx/"; fi
done
rm -rf src/PolicyFlow.Host/PolicyFlow
