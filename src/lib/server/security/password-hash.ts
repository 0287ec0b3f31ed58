import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyPassword as verifyScrypt } from 'better-auth/crypto';

/*
 * Passwords are hashed with argon2id from Node's own crypto (no native add-on to build):
 * OWASP's smallest recommended setting, 19 MiB and two passes, about 54 ms here (ADR 029).
 * The result is a PHC string, so the parameters travel with each hash and can be raised later
 * without breaking older hashes. Hashes from before (better-auth's scrypt, "salt:key") still
 * verify, and are replaced at the next sign-in (signInWithPassword).
 */
const PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
const PREFIX = '$argon2id$';

function derive(
	password: string,
	nonce: Buffer,
	p: { memory: number; passes: number; parallelism: number; tagLength: number }
): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		argon2('argon2id', { message: password, nonce, ...p }, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, PARAMS);
	return `${PREFIX}v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${b64(salt)}$${b64(key)}`;
}

/** True for a hash in the current format; anything else is upgraded at the next sign-in. */
export function isCurrentHash(hash: string): boolean {
	return hash.startsWith(PREFIX);
}

const PHC =
	/^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function verifyPassword({
	hash,
	password
}: {
	hash: string;
	password: string;
}): Promise<boolean> {
	if (!isCurrentHash(hash)) return verifyScrypt({ hash, password });
	const m = PHC.exec(hash);
	if (!m) return false;
	const expected = Buffer.from(m[5], 'base64');
	const key = await derive(password, Buffer.from(m[4], 'base64'), {
		memory: Number(m[1]),
		passes: Number(m[2]),
		parallelism: Number(m[3]),
		tagLength: expected.length
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}
