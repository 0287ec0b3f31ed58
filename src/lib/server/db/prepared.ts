/**
 * A query built once per database handle instead of on every call. Drizzle builds a query's
 * SQL from its description each time it runs, and on the live room's hot paths (the roles of
 * every request, the room's access check, the events of every delivery) that building was a
 * tenth of the server's busy time under load (issue #13's profile). `build` makes the
 * prepared query with placeholders; each handle (or transaction) gets its own.
 */
export function preparedPer<H extends object, P>(build: (db: H) => P): (db: H) => P {
	const cache = new WeakMap<H, P>();
	return (db) => {
		let p = cache.get(db);
		if (!p) {
			p = build(db);
			cache.set(db, p);
		}
		return p;
	};
}
