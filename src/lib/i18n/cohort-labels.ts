import * as m from '#lib/paraglide/messages.js';

const enrolment: Record<string, () => string> = {
	enrolled: m.enrolment_enrolled,
	waitlisted: m.enrolment_waitlisted,
	pending: m.enrolment_pending,
	left: m.enrolment_left,
	declined: m.enrolment_declined,
	refused: m.enrolment_refused
};
export const enrolmentLabel = (s: string) => (enrolment[s] ?? m.enrolment_enrolled)();

const attendanceLabels: Record<string, () => string> = {
	present: m.attendance_present,
	late: m.attendance_late,
	left_early: m.attendance_left_early,
	excused: m.attendance_excused,
	absent: m.attendance_absent
};
export const ATTENDANCE = ['present', 'late', 'left_early', 'excused', 'absent'] as const;
export const attendanceLabel = (s: string) => (attendanceLabels[s] ?? m.attendance_unknown)();

const backgrounds: Record<string, () => string> = {
	professional: m.background_professional,
	volunteer: m.background_volunteer,
	lived_experience: m.background_lived_experience,
	family: m.background_family,
	prefer_not_to_say: m.background_prefer_not
};
export const BACKGROUNDS = Object.keys(backgrounds);
export const backgroundLabel = (s: string) => (backgrounds[s] ?? m.background_prefer_not)();

const visibilities: Record<string, () => string> = {
	nobody: m.visibility_nobody,
	facilitators: m.visibility_facilitators,
	cohort: m.visibility_cohort
};
export const VISIBILITIES = Object.keys(visibilities);
export const visibilityLabel = (s: string) => (visibilities[s] ?? m.visibility_nobody)();

const completion: Record<string, () => string> = {
	in_progress: m.completion_in_progress,
	completed: m.completion_completed,
	not_completed: m.completion_not_completed
};
export const completionLabel = (s: string) => (completion[s] ?? m.completion_in_progress)();

const video: Record<string, () => string> = {
	none: m.video_none,
	jitsi: m.video_jitsi,
	bbb: m.video_bbb,
	link: m.video_link
};
export const VIDEO_KINDS = Object.keys(video);
export const videoLabel = (s: string) => (video[s] ?? m.video_none)();
