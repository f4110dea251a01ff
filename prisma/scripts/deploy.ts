// `npm run db:deploy`: applies pending migrations to the database DATABASE_URL names.
import { deployMigrations } from '../../app/server/migrate.ts'

const out = await deployMigrations(process.env.DATABASE_URL)
console.log(out.trim())
