import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { setOrganisationCountry } from '#lib/server/organisations/set-organisation-country.ts';
import { crisisCoverage } from '#lib/server/safety/crisis-coverage.ts';
import { countryChoices, countryName, isCountryCode } from '#lib/i18n/countries.ts';
import { staffSecondFactorRequired } from '#lib/server/organisations/staff-second-factor.ts';
import { setStaffSecondFactor } from '#lib/server/organisations/set-staff-second-factor.ts';
import type { Actions, PageServerLoad } from './$types';

/* The admin overview: the organisation's country and what its crisis lines do not cover. */
export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const { db, cfg } = await appContext();
	const org = await currentOrganisation(db);
	const secondFactor = await staffSecondFactorRequired(db, cfg, org.id);
	const coverage = await crisisCoverage(db, org.id);
	const languages = new Intl.DisplayNames([locals.locale], { type: 'language' });
	return {
		organisation: org.name,
		secondFactor,
		country: coverage.organisationCountry,
		countries: countryChoices(locals.locale),
		missingCountries: coverage.missingCountries.map(
			(c) => `${countryName(c, locals.locale)} (${c})`
		),
		missingLanguages: coverage.missingLanguages.map((l) => languages.of(l) ?? l)
	};
};

const countryForm = z.object({
	country: z
		.string({ error: 'error_country' })
		.trim()
		.toUpperCase()
		.refine((v) => v === '' || isCountryCode(v), 'error_country')
		.transform((v) => v || null)
});

const secondFactorForm = z.object({
	required: z.enum(['yes', 'no'], { error: 'error_choice' })
});

export const actions: Actions = {
	secondFactor: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = parseForm(secondFactorForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'second-factor', errors: parsed.errors });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		await setStaffSecondFactor(db, org.id, parsed.data.required === 'yes');
		return { form: 'second-factor', saved: true };
	},
	country: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = parseForm(countryForm, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		await setOrganisationCountry(db, org.id, parsed.data.country);
		return { saved: true };
	}
};
