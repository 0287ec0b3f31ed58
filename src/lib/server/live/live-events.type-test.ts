/*
 * Compile-time checks of the live event contract where the server writes events. Never run:
 * `npm run check` fails when one of these lines stops being an error ("Unused
 * '@ts-expect-error' directive"), so a loosened contract cannot go unnoticed.
 */
import type { LiveEventLog } from './commit-live-events.ts';

export function writersAcceptOnlyTheContract(events: LiveEventLog) {
	events.record('s', { kind: 'moment', payload: { id: 'x', name: 'Mira' } });
	// @ts-expect-error an unknown kind
	events.record('s', { kind: 'moment-acked', payload: { id: 'x' } });
	// @ts-expect-error a payload that fits another kind (moment-ack), not this one
	events.record('s', { kind: 'moment', payload: { id: 'x' } });
	const misspelt = { kind: 'hidden', payload: { id: 'x', block: 'b' } } as const;
	// @ts-expect-error a misspelt field (`blockId`)
	events.record('s', misspelt);
}
