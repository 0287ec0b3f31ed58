import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { certificates } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { correctAttendance, recordRoomJoin } from '../attendance/record-attendance.ts';
import { issueCertificate } from './issue-certificate.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import { signCredential } from './sign-credential.ts';
import { ensureCredentialKey } from './ensure-credential-key.ts';
import {
	encodeStatusList,
	isStatusSet,
	openBadgeCredential,
	verifyUrl
} from './credential-format.ts';
import { findCertificateByCode, listRevokedIndexes } from './certificates.queries.ts';
import { renderCertificatePdf } from './render-certificate-pdf.ts';
import { createVerifier } from 'fast-jwt';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();
const MIN = 60_000;

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

/** A cohort with one enrolled participant; sessions start in two days. */
async function cohortWithParticipant() {
	const c = await makeCohort(h.db, { cfg, auth });
	const p = await makePerson(h.db, auth, { organisationId: c.org.id, name: 'Marta Nováková' });
	await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
	const enrolment = (await findEnrolment(h.db, c.cohort.id, p.id))!;
	const sessions = await listSessions(h.db, c.cohort.id);
	return { ...c, p, enrolment, sessions };
}

const ofEnrolment = (id: string) =>
	h.db.select().from(certificates).where(eq(certificates.enrolmentId, id));

/**
 * The credential as a verifier would check it with a second JOSE library (fast-jwt, not jose,
 * which signed it), from the public key the DID document publishes. Returns the claims, or
 * throws when the signature or the algorithm does not hold.
 */
function verifyWithFastJwt(jwt: string, jwk: Record<string, string>) {
	const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
	const check = createVerifier({
		key: key.export({ type: 'spki', format: 'pem' }).toString(),
		algorithms: ['EdDSA']
	});
	return check(jwt) as Record<string, unknown>;
}

/** Node's own Ed25519 verification of a compact JWS: a second implementation beside jose. */
function verifiesWithNode(jwt: string, jwk: Record<string, string>) {
	const [header, payload, sig] = jwt.split('.');
	const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
	return verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(sig, 'base64url'));
}

describe('certificates', () => {
	it('completion through the room issues exactly one certificate, and later joins add none', async () => {
		const { cohort, p, enrolment, sessions, lead } = await cohortWithParticipant();
		const join = (i: number) =>
			recordRoomJoin(h.db, {
				cohortSessionId: sessions[i].id,
				userId: p.id,
				now: new Date(sessions[i].startsAt.getTime() + 2 * MIN)
			});
		await join(0);
		await join(1);
		expect(await ofEnrolment(enrolment.id)).toHaveLength(0);
		// The third session completes the course (3 of 4): the join that makes it issues.
		await Promise.all([join(2), join(2)]);
		const [cert, ...more] = await ofEnrolment(enrolment.id);
		expect(more).toHaveLength(0);
		expect(cert.issuedBy).toBeNull();
		expect(cert.nameOnCertificate).toBe('Marta Nováková');
		expect(cert.facts.sessions).toHaveLength(4);
		expect(cert.facts.sessionsAttended).toBe(3);
		expect(cert.facts.minutesAttended).toBe(3 * 180);
		expect(cert.facts.facilitators).toEqual(['Lead Facilitator', 'Peer Trainer']);
		expect(cert.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
		await join(3);
		await correctAttendance(h.db, {
			cohortId: cohort.id,
			cohortSessionId: sessions[3].id,
			enrolmentId: enrolment.id,
			status: 'present',
			by: lead.id
		});
		expect(await ofEnrolment(enrolment.id)).toHaveLength(1);
	});

	it('a facilitator issues with a reason; revocation is recorded, listed and not undone by attendance', async () => {
		const { cohort, enrolment, sessions, lead } = await cohortWithParticipant();
		expect(
			await issueCertificate(h.db, {
				cohortId: cohort.id,
				enrolmentId: enrolment.id,
				by: lead.id,
				reason: '  '
			})
		).toEqual({ ok: false, reason: 'reason-missing' });
		const issued = await issueCertificate(h.db, {
			cohortId: cohort.id,
			enrolmentId: enrolment.id,
			by: lead.id,
			reason: 'Made up session 2 in the autumn group'
		});
		if (!issued.ok) throw new Error(issued.reason);
		expect(
			await issueCertificate(h.db, {
				cohortId: cohort.id,
				enrolmentId: enrolment.id,
				by: lead.id,
				reason: 'again'
			})
		).toEqual({ ok: false, reason: 'already-issued' });
		const c = issued.certificate;
		// A forged cohort id finds nothing.
		expect(
			await revokeCertificate(h.db, {
				cohortId: crypto.randomUUID(),
				certificateId: c.id,
				by: lead.id,
				reason: 'x'
			})
		).toEqual({ ok: false, reason: 'not-found' });
		expect(
			await revokeCertificate(h.db, {
				cohortId: cohort.id,
				certificateId: c.id,
				by: lead.id,
				reason: 'Issued by mistake'
			})
		).toEqual({ ok: true });
		const after = (await findCertificateByCode(h.db, c.code))!;
		expect(after.revokedAt).not.toBeNull();
		expect(after.revokeReason).toBe('Issued by mistake');
		const revoked = await listRevokedIndexes(h.db, c.organisationId);
		expect(revoked).toContain(c.statusIndex);
		expect(isStatusSet(encodeStatusList(revoked), c.statusIndex)).toBe(true);
		expect(isStatusSet(encodeStatusList(revoked), c.statusIndex + 1)).toBe(false);
		// Completing afterwards does not bring back a certificate the facilitators revoked.
		for (const s of sessions.slice(0, 3)) {
			await correctAttendance(h.db, {
				cohortId: cohort.id,
				cohortSessionId: s.id,
				enrolmentId: enrolment.id,
				status: 'present',
				by: lead.id
			});
		}
		expect(await ofEnrolment(enrolment.id)).toHaveLength(1);
	});

	it('the Open Badges credential verifies with a second JOSE library and with Node crypto, and fails after one changed byte', async () => {
		const { cohort, enrolment, lead } = await cohortWithParticipant();
		const r = await issueCertificate(h.db, {
			cohortId: cohort.id,
			enrolmentId: enrolment.id,
			by: lead.id,
			reason: 'test'
		});
		if (!r.ok) throw new Error(r.reason);
		const c = r.certificate;
		const origin = 'https://trellis.example.org:8443';
		const credential = openBadgeCredential({
			origin,
			code: c.code,
			statusIndex: c.statusIndex,
			name: c.nameOnCertificate,
			facts: c.facts,
			issuedAt: c.issuedAt,
			locale: 'cs'
		});
		const jwt = await signCredential(h.db, {
			organisationId: c.organisationId,
			origin,
			credential
		});
		const key = await ensureCredentialKey(h.db, c.organisationId);
		expect(verifiesWithNode(jwt, key.publicJwk)).toBe(true);
		expect(verifyWithFastJwt(jwt, key.publicJwk)).toMatchObject({
			iss: 'did:web:trellis.example.org%3A8443'
		});
		const [header, payload, sig] = jwt.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
			alg: 'EdDSA',
			kid: 'did:web:trellis.example.org%3A8443#key-1'
		});
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		expect(claims.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(claims.iss).toBe('did:web:trellis.example.org%3A8443');
		expect(claims.credentialStatus.statusListIndex).toBe(String(c.statusIndex));
		expect(claims.id).toBe(verifyUrl(origin, c.code));
		// One changed byte in the payload, then in the signature.
		const bytes = Buffer.from(payload, 'base64url');
		bytes[10] ^= 0x01;
		expect(verifiesWithNode(`${header}.${bytes.toString('base64url')}.${sig}`, key.publicJwk)).toBe(
			false
		);
		expect(() =>
			verifyWithFastJwt(`${header}.${bytes.toString('base64url')}.${sig}`, key.publicJwk)
		).toThrow();
		const s = Buffer.from(sig, 'base64url');
		s[0] ^= 0x01;
		expect(() =>
			verifyWithFastJwt(`${header}.${payload}.${s.toString('base64url')}`, key.publicJwk)
		).toThrow();
		expect(verifiesWithNode(`${header}.${payload}.${s.toString('base64url')}`, key.publicJwk)).toBe(
			false
		);
	});

	it('renders a PDF/A certificate with embedded fonts in Czech and Ukrainian', async () => {
		const { cohort, enrolment, lead } = await cohortWithParticipant();
		const r = await issueCertificate(h.db, {
			cohortId: cohort.id,
			enrolmentId: enrolment.id,
			by: lead.id,
			reason: 'test'
		});
		if (!r.ok) throw new Error(r.reason);
		for (const locale of ['cs', 'uk']) {
			const t0 = performance.now();
			const pdf = await renderCertificatePdf({
				name: locale === 'uk' ? 'Олена Шевченко' : 'Marta Nováková',
				facts: r.certificate.facts,
				issuedAt: r.certificate.issuedAt,
				verifyUrl: verifyUrl('https://trellis.example.org', r.certificate.code),
				locale,
				timeZone: 'Europe/Kyiv'
			});
			const ms = performance.now() - t0;
			const text = pdf.toString('latin1');
			expect(text.startsWith('%PDF-1.7')).toBe(true);
			expect(text).toContain('/FontFile2');
			expect(text).toContain('pdfaid:part');
			expect(text).not.toContain('/Helvetica');
			expect(pdf.length).toBeLessThan(150_000);
			if (process.env.CERT_PDF_OUT) {
				writeFileSync(`${process.env.CERT_PDF_OUT}/certificate-${locale}.pdf`, pdf);
				console.log(`certificate ${locale}: ${pdf.length} bytes, ${ms.toFixed(0)} ms`);
			}
		}
	});
});
