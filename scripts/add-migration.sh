#!/usr/bin/env bash
# Adds a migration NAME for both providers: ./scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/PolicyFlow.Storage --context "${ctx}PolicyFlowDbContext" \
    --output-dir "Migrations/$ctx" --namespace "PolicyFlow.Host.Storage.Migrations.$ctx"
done
