import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import type { CohortContext } from '../cohorts/cohort-context.ts';
import { enqueueEmail } from './enqueue-email.ts';
import {
	cohortEmail,
	type CohortEmailExtra,
	type CohortEmailKind,
	type Recipient
} from './templates/cohort-email.ts';

/** Writes one email about a cohort into the outbox, in the caller's transaction. */
export function enqueueCohortEmail(
	q: DbOrTx,
	cfg: Config,
	ctx: CohortContext,
	to: Recipient,
	kind: CohortEmailKind,
	extra: CohortEmailExtra = {}
) {
	return enqueueEmail(q, cfg, cohortEmail(cfg, ctx, to, kind, extra));
}
