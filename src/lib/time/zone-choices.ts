import { isTimeZone } from './zoned.ts';

/**
 * The time zones a form offers. Every select must hold the value it shows: when it does not,
 * the browser shows and submits the first entry (Africa/Abidjan) and people are saved with a
 * zone nobody chose. Intl's list leaves out UTC (the accounts' default) and may spell a zone
 * differently from what is stored (Node 24 lists Europe/Kiev, people are saved in
 * Europe/Kyiv), so UTC and the values to keep are added.
 */
export function timeZoneChoices(...keep: (string | null | undefined)[]): string[] {
	const zones = new Set(Intl.supportedValuesOf('timeZone'));
	zones.add('UTC');
	for (const z of keep) if (z && isTimeZone(z)) zones.add(z);
	return [...zones].sort();
}
