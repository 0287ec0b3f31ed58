import pino from 'pino';

/* One structured logger for the whole server; JSON lines on stdout. */
export const log = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { app: 'trellis' },
	redact: ['password', '*.password', 'token', '*.token', 'url', '*.url']
});
