/** What one kind of cohort email says; cohort-email.ts adds the frame, schedule and calendar file. */
export type CohortEmailPart = {
	subject: string;
	lines: string[];
	/** The button's words; the frame's default is "Open the cohort". */
	action?: string;
	footer?: string;
	/** Attach the whole schedule as a calendar file (when no single session is concerned). */
	attachAll: boolean;
	/** List every session's date under the message. */
	listSchedule: boolean;
};

export type CohortEmailArgs = {
	o: { locale: 'en' | 'cs' | 'uk' };
	cohort: string;
	course: string;
	organisation: string;
	/** The session this email is about, in the reader's words and time zone. */
	one?: { number: number; title: string; when: string };
	previous?: string;
	position?: number;
};
