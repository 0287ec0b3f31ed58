import type { Db } from '../db/client.ts';
import {
	countCrisisResources,
	insertCrisisResource,
	type CrisisResourceFields
} from './crisis-resources.queries.ts';

/*
 * Only the entries the project's domain brief verified against dated sources (R105–R107,
 * 7 July 2020 announcement of 113). The "last verified" date is the sources' date, not
 * today's: nobody at this organisation has checked them yet, so pages show them as due for
 * re-checking until an admin does. Other countries' lines are left for admins to add.
 */
export const SEED_CRISIS_RESOURCES: CrisisResourceFields[] = [
	{
		country: 'NL',
		locale: 'en',
		name: '113 Suicide Prevention (113 Zelfmoordpreventie)',
		phone: '113',
		chatUrl: 'https://www.113.nl',
		hours: '24/7',
		notes:
			'Also on 0800-0113 (free). The 113 phone line can be reached only from the Netherlands; chat at 113.nl.',
		sourceUrl: 'https://www.113.nl/english',
		lastVerifiedAt: '2020-07-07',
		verifiedBy: 'Trellis domain brief (NL Times, NRC, 113.nl; 2020)',
		position: 1
	},
	{
		country: 'NL',
		locale: 'en',
		name: '113 Suicide Prevention, free number',
		phone: '0800-0113',
		chatUrl: null,
		hours: '24/7',
		notes: 'The same service as 113.',
		sourceUrl: 'https://www.113.nl/english',
		lastVerifiedAt: '2020-07-07',
		verifiedBy: 'Trellis domain brief (NL Times, NRC, 113.nl; 2020)',
		position: 2
	},
	{
		country: 'NL',
		locale: 'en',
		name: 'Emergency services',
		phone: '112',
		chatUrl: null,
		hours: '24/7',
		notes: 'When life is in immediate danger.',
		sourceUrl:
			'https://nltimes.nl/2020/01/28/people-used-suicide-prevention-hotline-decrease-number-suicides',
		lastVerifiedAt: '2020-07-07',
		verifiedBy: 'Trellis domain brief (NL Times, NRC, 113.nl; 2020)',
		position: 3
	}
];

/** Seeds the verified entries once, into an organisation that has none. */
export async function seedCrisisResources(db: Db, organisationId: string) {
	if ((await countCrisisResources(db, organisationId)) > 0) return 0;
	for (const r of SEED_CRISIS_RESOURCES) await insertCrisisResource(db, organisationId, r);
	return SEED_CRISIS_RESOURCES.length;
}
