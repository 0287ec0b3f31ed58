// Database tests run against PGlite by default; with TEST_DATABASE_URL set they run against
// that PostgreSQL server instead (each test file gets its own fresh database).
export default function setup() {
	const target = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite (in memory)';
	console.log(`[trellis] database tests run on ${target}`);
}
