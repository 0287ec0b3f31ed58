import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	// DRIZZLE_OUT lets the drift check generate into a scratch copy.
	out: process.env.DRIZZLE_OUT ?? './drizzle'
});
