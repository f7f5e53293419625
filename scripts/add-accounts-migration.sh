#!/usr/bin/env bash
# Adds a migration NAME to the accounts schema (users, tokens, audit, Data Protection keys) for both providers.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-accounts-migration.sh NAME}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/PolicyFlow.Storage --context "${ctx}AccountsDbContext" \
    --output-dir "Migrations/Accounts$ctx" --namespace "PolicyFlow.Host.Storage.Migrations.Accounts$ctx"
done
