import { z } from 'zod';
import { requiredText } from '#lib/forms/fields.ts';

/*
 * The organisation's crisis procedure as an admin enters it: plain text, line breaks kept (the
 * pages show it as written), no markup. Who to call and what to do are required; a procedure
 * with either missing would send a facilitator looking for it in the middle of a crisis.
 */
export const crisisProcedureInput = z.object({
	whoToCall: requiredText(2000),
	whatToDo: requiredText(4000),
	afterwards: z
		.string()
		.trim()
		.max(2000, 'error_too_long:2000')
		.regex(/^[^<>]*$/, 'error_markup')
		.default('')
});
export type CrisisProcedureInput = z.infer<typeof crisisProcedureInput>;
