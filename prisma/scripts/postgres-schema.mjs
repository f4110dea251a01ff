// Derives the PostgreSQL schema from the SQLite one (the source). Only the header differs:
// the models are shared, so a model change lands in both providers at once.
// The Kysely types come from the source schema alone (its generator block is dropped here).
const KYSELY_GENERATOR = /\/\/ Kysely table types[\s\S]*?\ngenerator kysely \{[\s\S]*?\n\}\n\n/

export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(KYSELY_GENERATOR, '')
    .replace('output     = "../app/generated/sqlite"', 'output     = "../../app/generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/essor.db"', 'url      = "postgresql://postgres@127.0.0.1:5432/essor"')
    .replace(
      '// The source schema (SQLite). prisma/postgresql/schema.prisma is derived from it by\n// `npm run db:migration`; never edit the derived copy by hand.',
      '// DERIVED from prisma/schema.prisma by `npm run db:migration`: do not edit by hand.',
    )
  if (!out.includes('provider = "postgresql"') || !out.includes('app/generated/postgresql')) {
    throw new Error('prisma/schema.prisma header changed: update prisma/scripts/postgres-schema.mjs')
  }
  return out
}
